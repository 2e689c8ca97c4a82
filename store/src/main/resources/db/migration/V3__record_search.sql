-- Indexes for reading the record tables page by page in their default orders (RecordSearch):
-- transaction lines by sale date and line item id, newest or oldest first; licenses by the end of
-- their maintenance, latest first. And the few transaction lines not yet linked to a license, which
-- a customer's page finds by their own license ids.
CREATE INDEX transaction_lines_sale_date_line
    ON transaction_lines (vendor_account_id, sale_date, transaction_line_item_id);
CREATE INDEX licenses_maintenance_end
    ON licenses (vendor_account_id, maintenance_end_date DESC NULLS LAST, license_key DESC);
CREATE INDEX transaction_lines_unlinked ON transaction_lines (vendor_account_id)
    WHERE license_key IS NULL;
