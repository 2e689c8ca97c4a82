-- Marketlens schema, version 1.
-- Money is bigint cents in USD; business dates are date; times we observed something are timestamptz.
-- Every table that mirrors the Marketplace keeps the record as received (raw jsonb) next to the
-- typed columns, and every change to it as a version row.

CREATE TABLE vendor_accounts (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             text        NOT NULL UNIQUE,
    api_version      text        NOT NULL DEFAULT 'v2' CHECK (api_version IN ('v2', 'v3')),
    vendor_id        text,
    developer_id     text,
    base_url         text        NOT NULL DEFAULT 'https://marketplace.atlassian.com',
    email            text,
    token_encrypted  bytea,
    token_nonce      bytea,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (vendor_id IS NOT NULL OR developer_id IS NOT NULL),
    CHECK ((token_encrypted IS NULL) = (token_nonce IS NULL))
);
COMMENT ON TABLE vendor_accounts IS
    'A Marketplace partner account we read from: its API version, vendor or developer id, base URL and credentials (token encrypted, never stored in clear).';
COMMENT ON COLUMN vendor_accounts.token_encrypted IS 'The API token, encrypted; decrypted only in memory with token_nonce.';

CREATE TABLE apps (
    vendor_account_id bigint      NOT NULL REFERENCES vendor_accounts (id) ON DELETE CASCADE,
    addon_key         text        NOT NULL,
    product_id        text,
    name              text,
    first_seen        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vendor_account_id, addon_key)
);
COMMENT ON TABLE apps IS 'The apps (add-ons) of a vendor account, by their addonKey, as seen in licenses and transactions.';

CREATE TABLE licenses (
    license_key                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vendor_account_id               bigint      NOT NULL REFERENCES vendor_accounts (id) ON DELETE CASCADE,
    addon_key                       text        NOT NULL,
    addon_license_id                text,
    license_id                      text,
    host_license_id                 text,
    app_entitlement_id              text,
    app_entitlement_number          text,
    host_entitlement_id             text,
    host_entitlement_number         text,
    cloud_id                        text,
    cloud_site_hostname             text,
    product_id                      text,
    addon_name                      text,
    hosting                         text,
    app_edition                     text,
    license_type                    text,
    status                          text,
    tier                            text,
    maintenance_start_date          date,
    maintenance_end_date            date,
    latest_evaluation_start_date    date,
    latest_maintenance_start_date   date,
    upgrade_evaluation_start_date   date,
    upgrade_evaluation_end_date     date,
    upgrade_evaluating_edition      text,
    company                         text,
    country                         text,
    region                          text,
    technical_contact_email         text,
    technical_contact_name          text,
    billing_contact_email           text,
    billing_contact_name            text,
    partner_name                    text,
    partner_type                    text,
    evaluation_license              text,
    transaction_account_id          text,
    license_source_type             text,
    license_level                   text,
    last_updated                    date,
    raw                             jsonb       NOT NULL,
    first_seen                      timestamptz NOT NULL DEFAULT now(),
    last_seen                       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (vendor_account_id, addon_key) REFERENCES apps (vendor_account_id, addon_key),
    CHECK (addon_license_id IS NOT NULL OR license_id IS NOT NULL
           OR app_entitlement_id IS NOT NULL OR app_entitlement_number IS NOT NULL),
    CHECK (maintenance_end_date IS NULL OR maintenance_start_date IS NULL
           OR maintenance_end_date >= maintenance_start_date),
    CHECK (last_seen >= first_seen)
);
CREATE UNIQUE INDEX licenses_addon_license_id ON licenses (vendor_account_id, addon_license_id)
    WHERE addon_license_id IS NOT NULL;
CREATE UNIQUE INDEX licenses_app_entitlement_id ON licenses (vendor_account_id, app_entitlement_id)
    WHERE app_entitlement_id IS NOT NULL;
CREATE UNIQUE INDEX licenses_app_entitlement_number ON licenses (vendor_account_id, app_entitlement_number)
    WHERE app_entitlement_number IS NOT NULL;
CREATE UNIQUE INDEX licenses_license_id ON licenses (vendor_account_id, license_id)
    WHERE license_id IS NOT NULL;
CREATE INDEX licenses_last_updated ON licenses (vendor_account_id, last_updated);
COMMENT ON TABLE licenses IS
    'Current state of each license, one row per license however many ids it has had; license_key is ours and never changes. raw is the record exactly as last received.';
COMMENT ON COLUMN licenses.license_id IS
    'licenseId as the API reports it: the SEN (SEN- and the addonLicenseId). Host ids (host_license_id, host_entitlement_*, cloud_id) name the customer''s product instance, which many licenses share, so they are not unique.';

CREATE TABLE license_ids (
    vendor_account_id bigint      NOT NULL REFERENCES vendor_accounts (id) ON DELETE CASCADE,
    id_kind           text        NOT NULL CHECK (id_kind IN ('addonLicenseId', 'licenseId',
                                      'appEntitlementId', 'appEntitlementNumber')),
    id_value          text        NOT NULL,
    license_key       bigint      NOT NULL REFERENCES licenses (license_key) ON DELETE CASCADE,
    first_seen        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vendor_account_id, id_kind, id_value)
);
CREATE INDEX license_ids_license_key ON license_ids (license_key);
COMMENT ON TABLE license_ids IS
    'Every id a license has been known by, pointing at its license_key: a SEN that became an entitlement number on Data Center conversion still finds the same license.';

CREATE TABLE license_versions (
    license_key  bigint      NOT NULL REFERENCES licenses (license_key) ON DELETE CASCADE,
    version      integer     NOT NULL CHECK (version >= 1),
    seen_at      timestamptz NOT NULL,
    last_updated date,
    changed      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    record       jsonb       NOT NULL,
    sync_run_id  bigint,
    PRIMARY KEY (license_key, version)
);
COMMENT ON TABLE license_versions IS
    'Every version of a license we have seen: version 1 is the first sighting; each later one holds the fields that changed ({"field": {"from": …, "to": …}}), when we saw it and the record as received.';

CREATE TABLE transaction_lines (
    vendor_account_id             bigint      NOT NULL REFERENCES vendor_accounts (id) ON DELETE CASCADE,
    transaction_line_item_id      text        NOT NULL,
    transaction_id                text        NOT NULL,
    license_key                   bigint      REFERENCES licenses (license_key),
    addon_key                     text        NOT NULL,
    addon_license_id              text,
    license_id                    text,
    app_entitlement_id            text,
    app_entitlement_number        text,
    product_id                    text,
    addon_name                    text,
    sale_date                     date        NOT NULL,
    sale_type                     text,
    license_type                  text,
    hosting                       text,
    billing_period                text,
    tier                          text,
    old_tier                      text,
    purchase_price_cents          bigint      NOT NULL,
    vendor_amount_cents           bigint      NOT NULL,
    partner_discount_cents        bigint,
    discounts                     jsonb       NOT NULL DEFAULT '[]'::jsonb,
    refund_reason                 text,
    credit_note_reason            text,
    original_transaction_id       text,
    original_sale_date            date,
    maintenance_start_date        date,
    maintenance_end_date          date,
    payment_status                text,
    company                       text,
    country                       text,
    region                        text,
    partner_name                  text,
    partner_type                  text,
    last_updated                  date,
    raw                           jsonb       NOT NULL,
    first_seen                    timestamptz NOT NULL DEFAULT now(),
    last_seen                     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vendor_account_id, transaction_line_item_id),
    FOREIGN KEY (vendor_account_id, addon_key) REFERENCES apps (vendor_account_id, addon_key),
    CHECK (maintenance_end_date IS NULL OR maintenance_start_date IS NULL
           OR maintenance_end_date >= maintenance_start_date),
    CHECK (jsonb_typeof(discounts) = 'array'),
    CHECK (last_seen >= first_seen)
);
CREATE INDEX transaction_lines_transaction_id ON transaction_lines (vendor_account_id, transaction_id);
CREATE INDEX transaction_lines_sale_date ON transaction_lines (vendor_account_id, sale_date);
CREATE INDEX transaction_lines_license_key ON transaction_lines (license_key);
CREATE INDEX transaction_lines_original ON transaction_lines (vendor_account_id, original_transaction_id)
    WHERE original_transaction_id IS NOT NULL;
COMMENT ON TABLE transaction_lines IS
    'Current state of each transaction line, keyed by transactionLineItemId: a transactionId repeats across the lines of one invoice. Amounts are bigint cents (USD); refunds are negative and point at the original sale by original_transaction_id.';
COMMENT ON COLUMN transaction_lines.discounts IS 'The discounts as received: [{"type": …, "amountCents": …, "code": …, "reason": …}].';

CREATE TABLE transaction_line_versions (
    vendor_account_id        bigint      NOT NULL,
    transaction_line_item_id text        NOT NULL,
    version                  integer     NOT NULL CHECK (version >= 1),
    seen_at                  timestamptz NOT NULL,
    last_updated             date,
    changed                  jsonb       NOT NULL DEFAULT '{}'::jsonb,
    record                   jsonb       NOT NULL,
    sync_run_id              bigint,
    PRIMARY KEY (vendor_account_id, transaction_line_item_id, version),
    FOREIGN KEY (vendor_account_id, transaction_line_item_id)
        REFERENCES transaction_lines (vendor_account_id, transaction_line_item_id) ON DELETE CASCADE
);
COMMENT ON TABLE transaction_line_versions IS
    'Every version of a transaction line we have seen, shaped like license_versions: the changed fields, when we saw them and the record as received.';

CREATE TABLE sync_runs (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vendor_account_id bigint      NOT NULL REFERENCES vendor_accounts (id) ON DELETE CASCADE,
    kind              text        NOT NULL CHECK (kind IN ('full', 'incremental', 'reconcile')),
    started_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    status            text        NOT NULL DEFAULT 'running'
                                  CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
    new_count         integer     NOT NULL DEFAULT 0 CHECK (new_count >= 0),
    changed_count     integer     NOT NULL DEFAULT 0 CHECK (changed_count >= 0),
    unchanged_count   integer     NOT NULL DEFAULT 0 CHECK (unchanged_count >= 0),
    drifted_count     integer     NOT NULL DEFAULT 0 CHECK (drifted_count >= 0),
    error             text,
    CHECK (finished_at IS NULL OR finished_at >= started_at),
    CHECK ((status = 'running') = (finished_at IS NULL)),
    CHECK (status <> 'failed' OR error IS NOT NULL)
);
CREATE INDEX sync_runs_account ON sync_runs (vendor_account_id, started_at DESC);
COMMENT ON TABLE sync_runs IS
    'Each sync of a vendor account: full, incremental or reconcile; when it ran, how it ended and how many records were new, changed, unchanged or drifted (changed without lastUpdated moving).';

ALTER TABLE license_versions
    ADD FOREIGN KEY (sync_run_id) REFERENCES sync_runs (id) ON DELETE SET NULL;
ALTER TABLE transaction_line_versions
    ADD FOREIGN KEY (sync_run_id) REFERENCES sync_runs (id) ON DELETE SET NULL;

CREATE TABLE sync_checkpoints (
    vendor_account_id bigint      NOT NULL REFERENCES vendor_accounts (id) ON DELETE CASCADE,
    stream            text        NOT NULL CHECK (stream IN ('licenses', 'transactions')),
    last_updated      date,
    export_id         text,
    export_offset     bigint      NOT NULL DEFAULT 0 CHECK (export_offset >= 0),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vendor_account_id, stream)
);
COMMENT ON TABLE sync_checkpoints IS
    'Where the next sync of a stream resumes: the lastUpdated cursor, and the async export and offset of a run in progress.';

CREATE TABLE import_batches (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vendor_account_id bigint      NOT NULL REFERENCES vendor_accounts (id) ON DELETE CASCADE,
    file_name         text        NOT NULL,
    sha256            bytea       NOT NULL CHECK (octet_length(sha256) = 32),
    kind              text        NOT NULL CHECK (kind IN ('licenses', 'transactions', 'remittance')),
    rows              integer     NOT NULL CHECK (rows >= 0),
    imported_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (vendor_account_id, sha256)
);
COMMENT ON TABLE import_batches IS
    'Each export file imported by hand, by content hash so the same file is not imported twice into one account.';

-- Views for BI tools (Metabase, Grafana): one row per transaction line and per license,
-- with the names a person would write in a report. Money in dollars as numeric, exact.

CREATE VIEW bi_transaction_lines AS
SELECT a.name                              AS "Vendor account",
       t.transaction_id                    AS "Transaction",
       t.transaction_line_item_id          AS "Transaction line",
       t.sale_date                         AS "Sale date",
       t.sale_type                         AS "Sale type",
       t.addon_key                         AS "App key",
       coalesce(t.addon_name, p.name)      AS "App",
       t.hosting                           AS "Hosting",
       t.license_type                      AS "License type",
       t.billing_period                    AS "Billing period",
       t.tier                              AS "Tier",
       t.company                           AS "Customer",
       t.country                           AS "Country",
       t.region                            AS "Region",
       t.partner_name                      AS "Partner",
       (t.purchase_price_cents / 100.0)::numeric(20, 2) AS "Purchase price (USD)",
       (t.vendor_amount_cents / 100.0)::numeric(20, 2) AS "Vendor amount (USD)",
       (t.partner_discount_cents / 100.0)::numeric(20, 2) AS "Partner discount (USD)",
       t.maintenance_start_date            AS "Maintenance start",
       t.maintenance_end_date              AS "Maintenance end",
       t.original_transaction_id           AS "Refunded transaction",
       t.refund_reason                     AS "Refund reason",
       coalesce(t.app_entitlement_number, t.license_id, t.addon_license_id) AS "License",
       t.last_updated                      AS "Last updated"
FROM transaction_lines t
JOIN vendor_accounts a ON a.id = t.vendor_account_id
LEFT JOIN apps p ON p.vendor_account_id = t.vendor_account_id AND p.addon_key = t.addon_key;
COMMENT ON VIEW bi_transaction_lines IS 'For BI tools: one row per transaction line, readable column names, amounts in USD.';

CREATE VIEW bi_licenses AS
SELECT a.name                              AS "Vendor account",
       coalesce(l.app_entitlement_number, l.license_id, l.addon_license_id) AS "License",
       l.license_key                       AS "License key",
       l.addon_key                         AS "App key",
       coalesce(l.addon_name, p.name)      AS "App",
       l.hosting                           AS "Hosting",
       l.license_type                      AS "License type",
       l.status                            AS "Status",
       l.app_edition                       AS "Edition",
       l.tier                              AS "Tier",
       l.company                           AS "Customer",
       l.country                           AS "Country",
       l.region                            AS "Region",
       l.partner_name                      AS "Partner",
       l.maintenance_start_date            AS "Maintenance start",
       l.maintenance_end_date              AS "Maintenance end",
       l.latest_evaluation_start_date      AS "Latest evaluation start",
       l.last_updated                      AS "Last updated",
       l.first_seen                        AS "First seen"
FROM licenses l
JOIN vendor_accounts a ON a.id = l.vendor_account_id
LEFT JOIN apps p ON p.vendor_account_id = l.vendor_account_id AND p.addon_key = l.addon_key;
COMMENT ON VIEW bi_licenses IS 'For BI tools: one row per license, readable column names.';
