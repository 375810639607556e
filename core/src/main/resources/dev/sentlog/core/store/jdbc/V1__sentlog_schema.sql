-- Sentlog store schema, version 1 (PostgreSQL 12 or later).
-- Named for Flyway (V<version>__<description>.sql); JdbcMessageStore.migrate applies it to an empty
-- database when the host asks. Times are epoch nanoseconds (bigint) so that java.time.Instant values
-- round-trip exactly; channel and status names are the Java enum constant names.

CREATE TABLE sentlog_schema_version (
    version    integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO sentlog_schema_version (version) VALUES (1);

CREATE TABLE sentlog_message (
    id                     text PRIMARY KEY,
    recorded_seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    message_type           text NOT NULL,
    message_type_kind      text NOT NULL,
    district_or_school     text NOT NULL,
    subject                text NOT NULL,
    sender_id              text NOT NULL,
    sender_name            text NOT NULL,
    sender_email           text NOT NULL,
    reply_to_email         text NOT NULL,
    caller_id              text NOT NULL,
    created_at             bigint NOT NULL,
    scheduled_at           bigint,
    schedule_id            text NOT NULL,
    schedule_name          text NOT NULL,
    scheduler_sent         boolean NOT NULL,
    delivery_modes         text NOT NULL,
    text_messaging_enabled boolean NOT NULL,
    body                   text NOT NULL,
    text_message           text NOT NULL,
    email_attachment_name  text,
    email_attachment_uri   text,
    audio_file_name        text,
    audio_file_uri         text,
    device_count           integer NOT NULL,
    status                 text NOT NULL,
    version                bigint NOT NULL,
    started_at             bigint,
    ended_at               bigint,
    cancel_by_id           text,
    cancel_by_name         text,
    cancel_at              bigint,
    is_active              boolean NOT NULL,
    open_count             integer NOT NULL DEFAULT 0,
    submitted_count        integer NOT NULL DEFAULT 0,
    last_activity          bigint
);

-- search (SPEC S1-S5): newest first by created time, ties later recorded first
CREATE INDEX sentlog_message_by_created ON sentlog_message (created_at DESC, recorded_seq DESC);
CREATE INDEX sentlog_message_by_sender ON sentlog_message (sender_id, created_at DESC, recorded_seq DESC);
CREATE INDEX sentlog_message_by_school ON sentlog_message (district_or_school, created_at DESC, recorded_seq DESC);
-- the messages whose status is not final, oldest first
CREATE INDEX sentlog_message_active ON sentlog_message (created_at, id COLLATE "C") WHERE is_active;

CREATE TABLE sentlog_filter_criterion (
    message_id      text NOT NULL REFERENCES sentlog_message (id),
    position        integer NOT NULL,
    label           text NOT NULL,
    value_text      text,
    table_columns   text[],
    table_row_count integer,
    table_cells     text[],
    PRIMARY KEY (message_id, position)
);

CREATE TABLE sentlog_recipient (
    message_id   text NOT NULL REFERENCES sentlog_message (id),
    entry_no     integer NOT NULL,
    person_id    text NOT NULL,
    person_name  text NOT NULL,
    student_id   text,
    student_name text,
    PRIMARY KEY (message_id, entry_no)
);

CREATE TABLE sentlog_device (
    message_id         text NOT NULL REFERENCES sentlog_message (id),
    row_no             integer NOT NULL,
    entry_no           integer NOT NULL,
    device_no          integer NOT NULL,
    person_id          text NOT NULL,
    next_row_of_person integer NOT NULL,
    channel            text NOT NULL,
    address            text NOT NULL,
    outcome            text NOT NULL,
    confirmed          boolean NOT NULL,
    reached_at         bigint,
    sequence           bigint NOT NULL,
    submitted          boolean NOT NULL,
    is_final           boolean NOT NULL,
    PRIMARY KEY (message_id, row_no)
);

CREATE UNIQUE INDEX sentlog_device_by_entry ON sentlog_device (message_id, entry_no, device_no);
-- a report rewrites its device's row (outcome, time, sequence, flags), none of them an indexed column:
-- the free room left in each page lets PostgreSQL keep the new version on the same page (a HOT update)
-- and write no index entry for it (issue #12, the apply speed; see README, Benchmarks)
ALTER TABLE sentlog_device SET (fillfactor = 50);

CREATE TABLE sentlog_provider_job (
    message_id       text NOT NULL REFERENCES sentlog_message (id),
    position         integer NOT NULL,
    job_seq          bigint GENERATED ALWAYS AS IDENTITY,
    provider_name    text NOT NULL,
    job_id           text NOT NULL,
    channels         text NOT NULL,
    cancel_confirmed boolean NOT NULL,
    PRIMARY KEY (message_id, position)
);

CREATE INDEX sentlog_provider_job_by_job ON sentlog_provider_job (provider_name, job_id, job_seq);

-- issue #16: the maintained Delivery Summary (SPEC E3), changed by deltas in the transaction that
-- changes the devices, and read without reading a device row
-- the figures by dev.sentlog.core.totals.Figure ordinal (Recipients not contacted by phone is derived)
ALTER TABLE sentlog_message ADD COLUMN summary_figures integer[] NOT NULL DEFAULT '{}';
-- each device's normalised address key (D1) on its channel's counters; null when it is no device
ALTER TABLE sentlog_device ADD COLUMN address_key text;
CREATE INDEX sentlog_device_by_address_key ON sentlog_device (message_id, address_key, channel)
    WHERE address_key IS NOT NULL;
-- per address: occurrences, attempted, successful, attempted-not-opted-out; then the same for Text (D3)
CREATE TABLE sentlog_summary_address (
    message_id  text NOT NULL REFERENCES sentlog_message (id),
    address_key text NOT NULL,
    counters    integer[] NOT NULL,
    PRIMARY KEY (message_id, address_key)
);
-- per person on a successful phone number: how many successful (number, channel) pairs they are on
CREATE TABLE sentlog_summary_person (
    message_id text NOT NULL REFERENCES sentlog_message (id),
    person_id  text NOT NULL,
    links      integer NOT NULL,
    PRIMARY KEY (message_id, person_id)
);
-- the device times Start Time (kind 0: attempted) and End Time (kind 1: final outcome) are taken from (D6);
-- no foreign key: a batch of reports inserts up to one row per report, and checking each against
-- sentlog_message cost a third of the statement (issue #12); rows are written only under the message
-- row's lock, after reading that row, and deleted with the message (purge, X1)
CREATE TABLE sentlog_summary_time (
    message_id  text NOT NULL,
    kind        smallint NOT NULL,
    at          bigint NOT NULL,
    occurrences integer NOT NULL,
    PRIMARY KEY (message_id, kind, at)
);

-- issue #13: contacts to fix (SPEC H3) and resend links (SPEC Y2)
-- the contact ledger: one fact per address, message and device row, written with the device change
CREATE TABLE sentlog_contact_fact (
    address_key text NOT NULL,
    channel     text NOT NULL,
    address     text NOT NULL,
    message_id  text NOT NULL REFERENCES sentlog_message (id),
    row_no      integer NOT NULL,
    kind        text NOT NULL,
    outcome     text NOT NULL,
    at          bigint NOT NULL,
    person_id   text NOT NULL,
    school      text NOT NULL,
    PRIMARY KEY (address_key, message_id, row_no)
);

-- each address's standing, kept with its facts; its row is the lock that orders the changes of an address
CREATE TABLE sentlog_contact_address (
    address_key    text PRIMARY KEY,
    channel        text NOT NULL,
    address        text NOT NULL,
    streak         integer NOT NULL,
    do_not_contact boolean NOT NULL
);

-- the listed addresses (a failure streak or "do not contact") with a copy of their facts, kept in the
-- transaction that changes their standing: listing reads these two small tables only, where the listed
-- addresses' evidence lies together, not the pages of the whole ledger its facts are spread over.
CREATE TABLE sentlog_contact_listed (
    address_key    text PRIMARY KEY,
    channel        text NOT NULL,
    address        text NOT NULL,
    streak         integer NOT NULL,
    do_not_contact boolean NOT NULL
);
-- No foreign key to sentlog_message: each row copies a row of sentlog_contact_fact, whose own key
-- already ties it to its message, and a purge or a redaction removes a copy in the transaction that
-- removes its original. A report batch copies the facts of OTHER messages too (all of a listed address's):
-- with a key it would share-lock their message rows while holding the address locks, and wait in a cycle
-- with a purge that holds its message row and waits for those addresses; it would also cost a lookup
-- per copied fact.
CREATE TABLE sentlog_contact_listed_fact (LIKE sentlog_contact_fact INCLUDING ALL);

-- resend links: claimed before the resend is recorded, in claim order per original
CREATE TABLE sentlog_resend (
    resend_id   text PRIMARY KEY,
    original_id text NOT NULL REFERENCES sentlog_message (id),
    claim_seq   bigint GENERATED ALWAYS AS IDENTITY
);

CREATE INDEX sentlog_resend_by_original ON sentlog_resend (original_id, claim_seq);

-- issue #14: retention (SPEC X1-X3): the purge mark, what a redacted message keeps, legal holds.
-- A message marked purging is hidden from every read; its rows then go in bounded batches, its own last.
ALTER TABLE sentlog_message ADD COLUMN purging boolean NOT NULL DEFAULT false;
CREATE INDEX sentlog_message_purging ON sentlog_message (id) WHERE purging;
-- a redacted message (X2): when, and its Delivery Summary as it was (the 11 D4 totals in J3 order, then
-- the combined Voice/Text total and attempted), D6 start and end, device counts per channel and outcome
ALTER TABLE sentlog_message ADD COLUMN redacted_at bigint;
ALTER TABLE sentlog_message ADD COLUMN redacted_figures integer[];
ALTER TABLE sentlog_message ADD COLUMN redacted_first_attempt bigint;
ALTER TABLE sentlog_message ADD COLUMN redacted_last_outcome bigint;
ALTER TABLE sentlog_message ADD COLUMN redacted_outcomes text;
-- redacted, its recipient and device rows not all erased yet (an interrupted redaction goes on from here)
ALTER TABLE sentlog_message ADD COLUMN redaction_pending boolean NOT NULL DEFAULT false;
CREATE INDEX sentlog_message_redaction_pending ON sentlog_message (id) WHERE redaction_pending;

CREATE TABLE sentlog_legal_hold (
    message_id     text NOT NULL REFERENCES sentlog_message (id),
    hold_no        integer NOT NULL,
    placed_by_id   text NOT NULL,
    placed_by_name text NOT NULL,
    placed_at      bigint NOT NULL,
    reason         text NOT NULL,
    lifted_by_id   text,
    lifted_by_name text,
    lifted_at      bigint,
    lift_reason    text,
    PRIMARY KEY (message_id, hold_no)
);

CREATE INDEX sentlog_legal_hold_in_force ON sentlog_legal_hold (message_id) WHERE lifted_at IS NULL;

-- a purge and a redaction remove a message's contact evidence by message (SPEC X1, X2, H3)
CREATE INDEX sentlog_contact_fact_by_message ON sentlog_contact_fact (message_id);

-- issue #12: hand-over leases and their planned batches (SPEC N2, N3). A row per hand-over running
-- (or interrupted): its owner node, the lease end (epoch nanoseconds, from the owner's clock) and a
-- version every renewal and take-over moves on; the batches are stored before any provider is called.
CREATE TABLE sentlog_hand_over (
    message_id  text PRIMARY KEY REFERENCES sentlog_message (id),
    picked_by   text NOT NULL,
    lease_until bigint NOT NULL,
    version     bigint NOT NULL,
    deliverable integer NOT NULL
);

-- the hand-overs whose lease ran out, earliest first
CREATE INDEX sentlog_hand_over_by_lease ON sentlog_hand_over (lease_until, message_id COLLATE "C");

CREATE TABLE sentlog_hand_over_batch (
    message_id    text NOT NULL REFERENCES sentlog_hand_over (message_id) ON DELETE CASCADE,
    position      integer NOT NULL,
    provider_name text NOT NULL,
    batch_number  integer NOT NULL,
    device_rows   integer[] NOT NULL,
    PRIMARY KEY (message_id, position)
);

-- issue #13: Recipient Log (SPEC H1, H2): each person's and each normalised address's messages,
-- newest first, from indexes of their own (filled at insert), and each device's address normalised as
-- in D1 so that the other occurrences of an address in a message are found by index (D2, D3)
ALTER TABLE sentlog_device ADD COLUMN normal_address text;
CREATE INDEX sentlog_device_by_normal_address ON sentlog_device (message_id, channel, normal_address)
    WHERE normal_address IS NOT NULL;
CREATE INDEX sentlog_recipient_by_person ON sentlog_recipient (person_id, message_id);

CREATE TABLE sentlog_person_message (
    person_id    text NOT NULL,
    message_id   text NOT NULL REFERENCES sentlog_message (id),
    created_at   bigint NOT NULL,
    recorded_seq bigint NOT NULL,
    PRIMARY KEY (person_id, message_id)
);
CREATE INDEX sentlog_person_message_by_created
    ON sentlog_person_message (person_id, created_at DESC, recorded_seq DESC);

CREATE TABLE sentlog_address_message (
    channel      text NOT NULL,
    address_key  text NOT NULL,
    message_id   text NOT NULL REFERENCES sentlog_message (id),
    created_at   bigint NOT NULL,
    recorded_seq bigint NOT NULL,
    PRIMARY KEY (channel, address_key, message_id)
);
CREATE INDEX sentlog_address_message_by_created
    ON sentlog_address_message (channel, address_key, created_at DESC, recorded_seq DESC);

-- issue #13 (today): engagement (SPEC H5). Each feedback event of a device once (by entry and device
-- index, kind and the provider's event id), with its row, the device's channel, normalised address,
-- person and outcome and the message's school, so that an unsubscribe or a complaint marks its address
-- "do not contact" (H3).
-- Purge and redaction remove a message's rows (RetentionSql.MessagePart.FEEDBACK).
CREATE TABLE sentlog_feedback (
    message_id  text NOT NULL REFERENCES sentlog_message (id),
    entry_no    integer NOT NULL,
    device_no   integer NOT NULL,
    row_no      integer NOT NULL,
    kind        text NOT NULL,
    event_id    text NOT NULL,
    at          bigint NOT NULL,
    channel     text NOT NULL,
    address_key text NOT NULL,
    address     text NOT NULL,
    person_id   text NOT NULL,
    outcome     text NOT NULL,
    school      text NOT NULL,
    PRIMARY KEY (message_id, entry_no, device_no, kind, event_id)
);
CREATE INDEX sentlog_feedback_suppressed ON sentlog_feedback (address_key)
    WHERE kind IN ('UNSUBSCRIBED', 'COMPLAINED');

-- issue #12 (today): speed on PostgreSQL. How many messages each district/school has per UTC day of
-- creation (day = created_at divided by 86,400e9, rounded down), kept by the store when it records a message and when it
-- marks one for purging: a search (S2) adds up whole days here and counts only the rows of the partial
-- days at its ends. The scheduler-created messages, which a search skips while they are scheduled
-- later than its instant (V2), by their scheduled time.
CREATE TABLE sentlog_message_day (
    day                bigint NOT NULL,
    district_or_school text NOT NULL,
    messages           bigint NOT NULL,
    PRIMARY KEY (day, district_or_school)
);
CREATE INDEX sentlog_message_scheduled ON sentlog_message (scheduled_at) WHERE scheduler_sent AND NOT purging;
