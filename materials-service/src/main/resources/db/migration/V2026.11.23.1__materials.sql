-- What materials-service knows of an order, learned from subject- and website-service's events.
create table material_order (
    order_id                     uuid primary key,
    account_id                   text        not null,
    type                         text,
    province                     text,
    nature                       text,
    state                        text        not null,
    state_since                  timestamptz not null,
    -- Only what the required-materials list needs: never the certificate number itself.
    subject_certificate_type     text,
    subject_certificate_province text,
    principal_needs_employment   boolean     not null default false,
    subject_revision             bigint      not null default 0,
    websites_json                text        not null default '[]',
    websites_version             bigint      not null default 0,
    -- The order's materials version: +1 for every upload, replacement and removal.
    materials_version            bigint      not null default 0,
    -- The readiness last published (material.order-readiness-changed).
    published_ready              boolean     not null default false,
    published_version            bigint,
    purged_at                    timestamptz,
    updated_at                   timestamptz not null
);
create index material_order_retention on material_order (state, state_since) where purged_at is null;

-- One stored file (one version of one material). A PENDING row is an upload intent written before the object is
-- put; it becomes STORED after the put, or the sweeper removes it with its object.
create table material (
    id            uuid primary key,
    order_id      uuid        not null references material_order (order_id),
    kind          text        not null,
    owner_ref     text        not null,
    status        text        not null,
    object_key    text        not null unique,
    version       int,
    content_type  text,
    size_bytes    bigint,
    sha256        text,
    width         int,
    height        int,
    uploaded_by   text        not null,
    by_staff      boolean     not null default false,
    created_at    timestamptz not null,
    stored_at     timestamptz,
    -- The order's materials versions during which this file stands for its (kind, owner): [valid_from, valid_to).
    valid_from    bigint,
    valid_to      bigint
);
create index material_slot on material (order_id, kind, owner_ref);
create index material_pending on material (created_at) where status = 'PENDING';
create unique index material_current on material (order_id, kind, owner_ref)
    where status = 'STORED' and valid_to is null;

-- Every read of a material by a reviewer (or other staff): who, when, how.
create table material_read (
    id          uuid primary key,
    material_id uuid        not null,
    order_id    uuid        not null,
    reader_id   text        not null,
    role        text        not null,
    via         text        not null,
    read_at     timestamptz not null
);
create index material_read_order on material_read (order_id, read_at);
