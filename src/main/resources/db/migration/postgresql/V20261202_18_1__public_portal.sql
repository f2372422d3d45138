-- Public portal (issue #18; PUB-02..PUB-07, DEC-15). Rows are written by the procedures only:
-- portal_result when the records office publishes a result after the legal unit's review
-- (disclosure Task_PublishResult), portal_advance when the legal unit approves advance-disclosure
-- content (advance-disclosure), portal_decision when a major decision's result is published
-- (major-decision Task_PublishResult). The portal reads them through one query each
-- (portal.PortalQueries) that admits only published, not withdrawn, not expired, not confidential
-- rows. public_id is a random token, never an engine id; natural persons' names are stored
-- already masked (张某), identity numbers are never stored.
CREATE TABLE portal_result (
  public_id        VARCHAR(32)   PRIMARY KEY,
  process_instance VARCHAR(64)   NOT NULL UNIQUE,
  business_key     VARCHAR(255),
  disclosure_type  VARCHAR(32)   NOT NULL,
  decision_number  VARCHAR(255)  NOT NULL,
  party_name       VARCHAR(255)  NOT NULL,
  party_type       VARCHAR(32)   NOT NULL,
  decided_on       VARCHAR(10)   NOT NULL,
  items            TEXT          NOT NULL,
  confidential     BOOLEAN       NOT NULL DEFAULT FALSE,
  published_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  visible_until    TIMESTAMP WITH TIME ZONE NOT NULL,
  withdrawn_at     TIMESTAMP WITH TIME ZONE,
  withdrawal_kind  VARCHAR(32)
);
CREATE INDEX portal_result_decision ON portal_result (decision_number);
CREATE TABLE portal_advance (
  public_id        VARCHAR(32)   PRIMARY KEY,
  process_instance VARCHAR(64)   NOT NULL UNIQUE,
  section          VARCHAR(32)   NOT NULL,
  title            VARCHAR(255)  NOT NULL,
  body             TEXT          NOT NULL,
  reviewed_by      VARCHAR(64)   NOT NULL,
  published_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  superseded_at    TIMESTAMP WITH TIME ZONE
);
CREATE TABLE portal_decision (
  public_id        VARCHAR(32)   PRIMARY KEY,
  process_instance VARCHAR(64)   NOT NULL UNIQUE,
  title            VARCHAR(500)  NOT NULL,
  category         VARCHAR(32),
  lead_unit        VARCHAR(255),
  catalogue_item   VARCHAR(16),
  decided_on       VARCHAR(10),
  outcome          VARCHAR(64),
  channel          VARCHAR(255),
  confidential     BOOLEAN       NOT NULL DEFAULT FALSE,
  published_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
