-- Scotland's National Performance Framework: the national outcomes every local plan element can serve.
create table national_outcome (
    code      text primary key,
    name      text not null unique,
    statement text not null,
    position  int  not null
);

insert into national_outcome (code, name, statement, position) values
  ('children-and-young-people', 'Children and Young People', 'We grow up loved, safe and respected so that we realise our full potential', 1),
  ('communities', 'Communities', 'We live in communities that are inclusive, empowered, resilient and safe', 2),
  ('culture', 'Culture', 'We are creative and our vibrant and diverse cultures are expressed and enjoyed widely', 3),
  ('economy', 'Economy', 'We have a globally competitive, entrepreneurial, inclusive and sustainable economy', 4),
  ('education', 'Education', 'We are well educated, skilled and able to contribute to society', 5),
  ('environment', 'Environment', 'We value, enjoy, protect and enhance our environment', 6),
  ('fair-work-and-business', 'Fair Work and Business', 'We have thriving and innovative businesses, with quality jobs and fair work for everyone', 7),
  ('health', 'Health', 'We are healthy and active', 8),
  ('human-rights', 'Human Rights', 'We respect, protect and fulfil human rights and live free from discrimination', 9),
  ('international', 'International', 'We are open, connected and make a positive contribution internationally', 10),
  ('poverty', 'Poverty', 'We tackle poverty by sharing opportunities, wealth and power more equally', 11);
