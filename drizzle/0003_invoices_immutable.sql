-- INV-1: issued invoices and credit notes never change. Updates are refused; deletion is allowed
-- only once the legal retention period (10 years, GDPR-7) has passed.
CREATE OR REPLACE FUNCTION invoices_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.issued_at < now() - interval '10 years' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'issued invoices are immutable: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_immutable
  BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_refuse_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION invoice_lines_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM invoices i WHERE i.id = OLD.invoice_id AND i.issued_at < now() - interval '10 years') THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'lines of issued invoices are immutable: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_immutable
  BEFORE UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION invoice_lines_refuse_change();
