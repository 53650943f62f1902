-- Personal data is stored AES-GCM encrypted ('enc:v1:' + base64), longer than the clear value.
-- Rows written before this migration keep their clear values until their next write (the converter reads both).
alter table complaint alter column complainant_mobile type varchar(200);
alter table complaint alter column complainant_email type varchar(600);
alter table complaint alter column complainant_id_number type varchar(200);
alter table complaint alter column complainant_credit_code type varchar(200);

-- Keyed hash (HMAC-SHA256) of the mobile number: finds a complainant's earlier cases without decrypting.
alter table complaint add column complainant_mobile_hash varchar(64);
-- Repeat complaints (并单): the earlier case this one repeats, and how similar the texts were.
alter table complaint add column repeat_of varchar(20);
alter table complaint add column repeat_similarity double precision;

create index complaint_mobile_hash on complaint (complainant_mobile_hash, received_at)
    where complainant_mobile_hash is not null;
create index complaint_district_received on complaint (district, received_at);
create index complaint_repeat_of on complaint (repeat_of) where repeat_of is not null;

-- 12345 hotline work orders: the call centre's number makes a push idempotent.
create table hotline_work_order (
    work_order_number varchar(40)  primary key,
    content_hash      varchar(64)  not null,
    case_number       varchar(20)  references complaint (case_number),
    -- the query code, encrypted, so that a repeated push answers with the same receipt
    query_code        varchar(200),
    operator_id       varchar(50)  not null,
    caller_phone      varchar(200),
    recording_ref     varchar(200),
    call_time         timestamptz  not null,
    created_at        timestamptz  not null
);
