-- The targets of a city's cultivation plan, per region and year (梯度培育目标). One row per measure:
--   TIER         count of firms on the tiers in `subject` (comma-separated, e.g. 'CHAMPION,LITTLE_GIANT' for a joint target)
--   SRDI_SHARE   share (0–1) of a chain's firms in the region that are 专精特新 or above; `subject` = chain id
--   TECH_AGREEMENTS, TECH_TRANSFERS, MEETINGS, CONTRACTS, CONTRACT_AMOUNT_WAN, POOL_SIZE, RD_INTENSITY: `subject` = ''
CREATE TABLE plan_target (
    region_code  VARCHAR(12)    NOT NULL,
    year         INT            NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    measure      VARCHAR(32)    NOT NULL CHECK (measure IN ('TIER', 'SRDI_SHARE', 'TECH_AGREEMENTS', 'TECH_TRANSFERS',
                                                            'MEETINGS', 'CONTRACTS', 'CONTRACT_AMOUNT_WAN', 'POOL_SIZE',
                                                            'RD_INTENSITY')),
    subject      VARCHAR(100)   NOT NULL DEFAULT '',
    target       NUMERIC(16, 4) NOT NULL CHECK (target >= 0),
    PRIMARY KEY (region_code, year, measure, subject)
);

-- Who set a region's targets for a year, from which document.
CREATE TABLE plan_target_set (
    region_code  VARCHAR(12)  NOT NULL,
    year         INT          NOT NULL,
    source       VARCHAR(500),
    updated_by   VARCHAR(64)  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (region_code, year)
);

-- The five cities' plans (专精特新企业培育行动计划 2023–2025; figures of ../shared/DESIGN.md). SRDI concentration of
-- about 10 % in each city's key chains.
INSERT INTO plan_target_set (region_code, year, source, updated_by) VALUES
    ('321000', 2023, '扬州市专精特新企业培育行动计划', 'seed'),
    ('321100', 2025, '镇江市专精特新企业培育行动计划（2023–2025）', 'seed'),
    ('320581', 2025, '常熟市专精特新企业培育行动计划（2023–2025）', 'seed'),
    ('320800', 2025, '淮安市专精特新企业培育行动计划（2023–2025）', 'seed'),
    ('320700', 2025, '连云港市专精特新企业培育行动计划（2023–2025）', 'seed');
INSERT INTO plan_target (region_code, year, measure, subject, target) VALUES
    ('321000', 2023, 'TIER', 'CHAMPION', 12), ('321000', 2023, 'TIER', 'LITTLE_GIANT', 60),
    ('321000', 2023, 'TIER', 'SPECIALIZED', 260), ('321000', 2023, 'TIER', 'INNOVATIVE', 1500),
    ('321000', 2023, 'TECH_AGREEMENTS', '', 100), ('321000', 2023, 'TECH_TRANSFERS', '', 30),
    ('321000', 2023, 'SRDI_SHARE', 'EQP', 0.10), ('321000', 2023, 'SRDI_SHARE', 'NEV', 0.10), ('321000', 2023, 'SRDI_SHARE', 'PWR', 0.10),
    ('321100', 2025, 'TIER', 'CHAMPION', 12), ('321100', 2025, 'TIER', 'LITTLE_GIANT', 50),
    ('321100', 2025, 'TIER', 'SPECIALIZED', 300), ('321100', 2025, 'TIER', 'INNOVATIVE', 1000),
    ('321100', 2025, 'POOL_SIZE', '', 1500),
    ('321100', 2025, 'SRDI_SHARE', 'MAT', 0.10), ('321100', 2025, 'SRDI_SHARE', 'EQP', 0.10), ('321100', 2025, 'SRDI_SHARE', 'NEV', 0.10),
    ('320581', 2025, 'TIER', 'CHAMPION,LITTLE_GIANT', 50),
    ('320581', 2025, 'TIER', 'SPECIALIZED', 250), ('320581', 2025, 'TIER', 'INNOVATIVE', 1200),
    ('320581', 2025, 'TECH_AGREEMENTS', '', 800),
    ('320581', 2025, 'SRDI_SHARE', 'IC', 0.10), ('320581', 2025, 'SRDI_SHARE', 'NEV', 0.10), ('320581', 2025, 'SRDI_SHARE', 'EQP', 0.10),
    ('320800', 2025, 'TIER', 'CHAMPION', 2), ('320800', 2025, 'TIER', 'LITTLE_GIANT', 40),
    ('320800', 2025, 'TIER', 'SPECIALIZED', 400), ('320800', 2025, 'TIER', 'INNOVATIVE', 1500),
    ('320800', 2025, 'SRDI_SHARE', 'MAT', 0.10), ('320800', 2025, 'SRDI_SHARE', 'IC', 0.10), ('320800', 2025, 'SRDI_SHARE', 'BIO', 0.10),
    ('320700', 2025, 'TIER', 'CHAMPION', 5), ('320700', 2025, 'TIER', 'LITTLE_GIANT', 25),
    ('320700', 2025, 'TIER', 'SPECIALIZED', 100), ('320700', 2025, 'TIER', 'INNOVATIVE', 1000),
    ('320700', 2025, 'SRDI_SHARE', 'BIO', 0.10), ('320700', 2025, 'SRDI_SHARE', 'MAT', 0.10), ('320700', 2025, 'SRDI_SHARE', 'PWR', 0.10);
