-- A start or due date as the plan writes it ("March 2025", "2025/26", "by 2026"), where it is more than a day: shown
-- as written, while start_date and due_date hold the first and last days of its period, which statuses are judged by.
alter table plan_element add column start_written text, add column due_written text;
