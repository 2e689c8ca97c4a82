-- Users of the web application, their API tokens, the audit log and the application's settings.

CREATE TABLE users (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       text        NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._@-]{1,64}$'),
    password_hash  text        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
    all_accounts   boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    disabled_at    timestamptz
);
COMMENT ON TABLE users IS
    'People who sign in to the web application: a role (admin, analyst, viewer) and the vendor accounts they may see (every account when all_accounts, else those in user_accounts). password_hash is an encoded one-way hash ({bcrypt}…), never the password.';

CREATE TABLE user_accounts (
    user_id           bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    vendor_account_id bigint NOT NULL REFERENCES vendor_accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, vendor_account_id)
);
COMMENT ON TABLE user_accounts IS 'The vendor accounts a user without all_accounts may see.';

CREATE TABLE api_tokens (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_sha256  bytea       NOT NULL UNIQUE CHECK (octet_length(token_sha256) = 32),
    prefix        text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
COMMENT ON TABLE api_tokens IS
    'Tokens for the REST API (Authorization: Bearer). Only the SHA-256 of a token is kept: it is shown once, when created. prefix (its first characters) tells tokens apart in the list.';

CREATE TABLE audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    username  text,
    action    text        NOT NULL,
    detail    text,
    remote    text
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
COMMENT ON TABLE audit_log IS
    'What people did: logins (and failed ones), settings and user changes, token creation and revocation, imports and exports. Never holds a secret.';

CREATE TABLE app_settings (
    key        text        PRIMARY KEY,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE app_settings IS 'Settings changed in the web application, e.g. sync.interval-minutes.';
