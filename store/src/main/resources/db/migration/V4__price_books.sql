-- Price books: each vendor account's list prices per app, hosting, effective date and tier.

CREATE TABLE price_book_prices (
    vendor_account_id   bigint      NOT NULL REFERENCES vendor_accounts (id) ON DELETE CASCADE,
    app_key             text        NOT NULL CHECK (length(app_key) BETWEEN 1 AND 255),
    hosting             text        NOT NULL CHECK (hosting IN ('Cloud', 'Server', 'Data Center')),
    effective_from      date        NOT NULL,
    tier                text        NOT NULL CHECK (length(tier) BETWEEN 1 AND 64),
    price_cents         bigint      NOT NULL CHECK (price_cents >= 0),
    renewal_price_cents bigint               CHECK (renewal_price_cents >= 0),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vendor_account_id, app_key, hosting, effective_from, tier)
);
COMMENT ON TABLE price_book_prices IS
    'List prices by vendor account, app, hosting, the first day a plan applies to sales and tier (wire spelling, e.g. 100 Users, Unlimited Users): price_cents is a month for Cloud and a year for Server and Data Center; renewal_price_cents, when set, is the price of a renewed year (Server, Data Center). Rows of one app, hosting and effective_from form a plan.';
