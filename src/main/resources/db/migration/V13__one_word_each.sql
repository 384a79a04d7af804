-- One meaning per word. An element's "expected outcome" held two things: the lead's approved assessment, and
-- (from a plan file) a status only the plan's owner sets; each now has its own column. "At risk" is written
-- at-risk, so "warning" no longer means one thing for actions and another (within tolerance) for measures.
alter table plan_element drop constraint plan_element_expected_outcome_check;
alter table plan_element rename column expected_outcome to assessment;
alter table plan_element rename column owner_status to owner_decision;
update plan_element set owner_decision = coalesce(owner_decision, assessment), assessment = null
 where assessment in ('cancelled', 'on-hold', 'deferred');
update plan_element set assessment = 'at-risk' where assessment = 'warning';
alter table plan_element add constraint plan_element_assessment_check
    check (assessment in ('completed', 'on-track', 'at-risk', 'overdue', 'not-started'));

alter table period_update drop constraint period_update_assessment_check;
update period_update set assessment = 'at-risk' where assessment = 'warning';
update period_update set assessment = null where assessment in ('cancelled', 'on-hold', 'deferred');
alter table period_update add constraint period_update_assessment_check
    check (assessment in ('completed', 'on-track', 'at-risk', 'overdue', 'not-started'));
