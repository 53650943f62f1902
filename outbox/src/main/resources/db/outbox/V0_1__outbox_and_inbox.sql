-- Transactional outbox: a row per event, written in the same transaction as the state change it reports.
create table outbox_event (
    seq          bigserial primary key,
    id           uuid         not null unique,
    topic        varchar(200) not null,
    message_key  varchar(100) not null,
    event_type   varchar(200) not null,
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz,
    attempts     integer      not null default 0,
    last_error   varchar(1000)
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Idempotent consumers: an event id is processed once per consumer, checked and marked in the handler's transaction.
create table consumed_event (
    consumer    varchar(100) not null,
    event_id    varchar(100) not null,
    event_type  varchar(200) not null,
    subject     varchar(100),
    consumed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
