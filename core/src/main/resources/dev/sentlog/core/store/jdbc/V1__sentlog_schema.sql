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

-- issue #13: Recipient Log (SPEC H1, H2): each person's and each normalised address's messages,
-- newest first, from indexes of their own (filled at insert), and each device's address normalised as
-- in D1 so that the other occurrences of an address in a message are found by index (D2, D3)
ALTER TABLE sentlog_device ADD COLUMN address_key text;
CREATE INDEX sentlog_device_by_address ON sentlog_device (message_id, channel, address_key)
    WHERE address_key IS NOT NULL;
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
