create table subject (
    id                           uuid primary key,
    account_id                   text        not null unique,
    nature                       text        not null,
    province                     text        not null,
    city                         text,
    district                     text,
    name                         text        not null,
    certificate_type             text        not null,
    certificate_number           text        not null,
    certificate_address          text        not null,
    communication_address        text        not null,
    investor                     text,
    remarks                      text,
    principal_name               text        not null,
    principal_certificate_type   text        not null,
    principal_certificate_number text        not null,
    principal_mobile             text        not null,
    principal_office_phone       text,
    principal_email              text        not null,
    created_at                   timestamptz not null,
    updated_at                   timestamptz not null,
    version                      bigint      not null
);
create index subject_created on subject (created_at, id);
create index subject_certificate on subject (certificate_type, certificate_number);
