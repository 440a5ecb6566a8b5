-- Profile fields for the accounts feature (issue 4) and the credential
-- bookkeeping the auth service needs.
--   headline, bio, skills, hourly_rate, country: public profile fields, edited
--     through the gateway; money is NUMERIC, country an ISO 3166-1 alpha-2 code.
--   password_changed_at: set by the auth service on every password change.
-- profile_completion is computed here, by a trigger, from what is filled in, so
-- that every writer (auth service, gateway, seeds) agrees on it.

ALTER TABLE users
  ADD COLUMN headline            VARCHAR(120)  CHECK (headline IS NULL OR length(btrim(headline)) > 0),
  ADD COLUMN bio                 TEXT          CHECK (bio IS NULL OR length(bio) <= 5000),
  ADD COLUMN skills              TEXT[]        NOT NULL DEFAULT '{}' CHECK (cardinality(skills) <= 50),
  ADD COLUMN hourly_rate         NUMERIC(10,2) CHECK (hourly_rate IS NULL OR hourly_rate >= 0),
  ADD COLUMN country             CHAR(2)       CHECK (country IS NULL OR country ~ '^[A-Z]{2}$'),
  ADD COLUMN password_changed_at timestamptz;

-- Eight profile fields, each worth an eighth: username and display name (always
-- set), avatar, headline, bio, at least one skill, hourly rate, country.
CREATE FUNCTION users_profile_completion() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  filled INT := 2;
BEGIN
  IF NEW.avatar_url IS NOT NULL AND btrim(NEW.avatar_url) <> '' THEN filled := filled + 1; END IF;
  IF NEW.headline IS NOT NULL AND btrim(NEW.headline) <> '' THEN filled := filled + 1; END IF;
  IF NEW.bio IS NOT NULL AND btrim(NEW.bio) <> '' THEN filled := filled + 1; END IF;
  IF cardinality(NEW.skills) > 0 THEN filled := filled + 1; END IF;
  IF NEW.hourly_rate IS NOT NULL THEN filled := filled + 1; END IF;
  IF NEW.country IS NOT NULL THEN filled := filled + 1; END IF;
  NEW.profile_completion := (filled * 100) / 8;
  RETURN NEW;
END;
$$;
CREATE TRIGGER users_profile_completion BEFORE INSERT OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION users_profile_completion();

-- Existing rows get their completion computed once.
UPDATE users SET display_name = display_name;

-- "Freelancers with skill X".
CREATE INDEX users_skills_idx ON users USING gin (skills);
