-- A transaction line's app is written before the line, in the same transaction
-- (TransactionLines.write ensures the batch's apps first), so the foreign key to apps only checked
-- what the writer guarantees, with one lookup per line: an eighth of PostgreSQL's time in a bulk
-- import. The lines of an account are removed with it by VendorAccounts.remove, in the
-- transaction that removes the account (their versions cascade from them).
ALTER TABLE transaction_lines DROP CONSTRAINT transaction_lines_vendor_account_id_addon_key_fkey;

COMMENT ON TABLE transaction_lines IS
    'Current state of each transaction line, keyed by transactionLineItemId: a transactionId repeats across the lines of one invoice. The account''s app (apps) is written before its lines; the lines are removed with their account. Amounts are bigint cents (USD); refunds are negative and point at the original sale by original_transaction_id.';
