-- Indexes for searching the record tables page by page (RecordSearch): licenses by the end of
-- their maintenance (the default order), and the few transaction lines not yet linked to a license,
-- which a customer's page finds by their own license ids.
CREATE INDEX licenses_maintenance_end ON licenses (vendor_account_id, maintenance_end_date DESC);
CREATE INDEX transaction_lines_unlinked ON transaction_lines (vendor_account_id)
    WHERE license_key IS NULL;
