-- What a CHANGE order changes (SUBJECT, WEBSITE, ACCESS), from order.created: some provinces' materials depend on it.
alter table material_order add column change_kind varchar(16);
