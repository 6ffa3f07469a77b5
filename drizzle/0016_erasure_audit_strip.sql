-- GDPR-7 with OPS-2: the audit log stays append-only, with one exception: an erasure may strip
-- the personal data out of an entry (its IP address set to null, its details replaced) and
-- nothing else, and only in a transaction that declared itself an erasure with
-- set_config('accountdesk.erasure', 'on', true). Deletes and truncation stay refused.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND coalesce(current_setting('accountdesk.erasure', true), '') = 'on'
     AND NEW.id = OLD.id
     AND NEW.at = OLD.at
     AND NEW.actor_type = OLD.actor_type
     AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
     AND NEW.account_id IS NOT DISTINCT FROM OLD.account_id
     AND NEW.action = OLD.action
     AND NEW.target IS NOT DISTINCT FROM OLD.target
     AND (NEW.ip IS NULL OR NEW.ip = OLD.ip) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
