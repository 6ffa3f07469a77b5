-- CUS-4: an approved custom-service agreement is frozen: its row is inserted once on approval and
-- never updated. (Deleting stays possible for the account erasure and retention rules.)
CREATE OR REPLACE FUNCTION custom_service_agreements_refuse_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'approved custom-service agreements are frozen: UPDATE is not allowed';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER custom_service_agreements_frozen
  BEFORE UPDATE ON custom_service_agreements
  FOR EACH ROW EXECUTE FUNCTION custom_service_agreements_refuse_update();
