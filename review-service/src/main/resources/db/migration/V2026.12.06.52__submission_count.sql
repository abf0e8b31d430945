-- One vocabulary (docs/conventions.md): the n-th submission of an order to review is its submission count.
alter table review_order rename column submission_no to submission_count;
alter table review_case rename column submission_no to submission_count;
alter table authority_submission rename column submission_no to submission_count;
