// Chinese full text (cjk analyzer: bigrams, so 轴承 finds 高精度轴承) over names and descriptions.
CREATE FULLTEXT INDEX enterprise_text IF NOT EXISTS FOR (n:Enterprise) ON EACH [n.name, n.description, n.productText]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX product_text IF NOT EXISTS FOR (n:Product) ON EACH [n.name, n.keywordText]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX technology_text IF NOT EXISTS FOR (n:Technology) ON EACH [n.name, n.keywordText]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX institution_text IF NOT EXISTS FOR (n:Institution) ON EACH [n.name, n.description]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX achievement_text IF NOT EXISTS FOR (n:Achievement) ON EACH [n.title, n.description]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX chain_text IF NOT EXISTS FOR (n:Chain|Segment) ON EACH [n.name, n.description]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX need_text IF NOT EXISTS FOR (n:Need) ON EACH [n.title, n.description]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX fund_text IF NOT EXISTS FOR (n:Fund|Investor) ON EACH [n.name]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE INDEX enterprise_tier IF NOT EXISTS FOR (n:Enterprise) ON (n.tier);
CREATE INDEX enterprise_name IF NOT EXISTS FOR (n:Enterprise) ON (n.name);
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
CREATE INDEX need_status IF NOT EXISTS FOR (n:Need) ON (n.status);
