-- 联席会议 (JointMeetingProcess, docs/joint-meeting.md) and the responsibility matrix it assigns work by.

-- 责任分工表: the tasks of the Yan'an plan (延安市促进3岁以下婴幼儿照护服务发展实施方案, 2020-03-16,
-- shared/seeds/yanan-implementation-plan-2020.txt) with their 责任部门, as written. code is <part>.<subsection>.<item>
-- of the plan (二、(一)1 = 2.1.1; 三、1 = 3.1). content is the task's paragraph without the department list,
-- departments_as_written the list in brackets; plan_task_department maps it onto the department groups.
create table plan_task (
  code                   varchar(10)   not null primary key,
  sort_order             integer       not null,
  part                   varchar(40)   not null,
  subsection             varchar(60),
  title                  varchar(100)  not null,
  content                varchar(2000) not null,
  departments_as_written varchar(300)  not null,
  -- bodies the plan names that are no member department (no group, no tasks), e.g. 延安职业技术学院
  other_bodies           varchar(200)
);

insert into plan_task (code, sort_order, part, subsection, title, content, departments_as_written, other_bodies) values
  ('2.1.1', 1, '二、主要任务', '(一)增加婴幼儿照护服务的有效供给', '深入推进托幼一体化工作',
   '深入推进托幼一体化工作。支持有条件幼儿园挖掘潜力拓展服务,开设婴幼儿托班;改建、扩建幼儿园时,增加托班的资源供给;新建幼儿园时,同步规划婴幼儿托班建设用地、用房,努力满足群众婴幼儿照护服务需求。',
   '市教育局、市自然资源局、市发改委、市行政审批局、市住建局、市财政局', null),
  ('2.1.2', 2, '二、主要任务', '(一)增加婴幼儿照护服务的有效供给', '挖掘社区资源满足托育服务需求',
   '挖掘社区资源满足托育服务需求。县(市、区)政府要将托育服务纳入社区服务体系,充分发挥社区建设的优势,优化社区婴幼儿照护设施与社区卫生、文化、体育等设施的功能衔接,按照社区适龄人口数,合理规划布局,提供托育服务的场所及亲子活动设施,将婴幼儿照护服务工作有机融入到社区之中,发挥社区综合服务效应。',
   '市民政局、市住建局、市行政审批局、市卫健委', null),
  ('2.1.3', 3, '二、主要任务', '(一)增加婴幼儿照护服务的有效供给', '加强单位婴幼儿照护保障能力',
   '加强单位婴幼儿照护保障能力。发挥工会组织等作用,鼓励企事业单位以单独或联合举办等形式,为职工提供福利性婴幼儿照护服务。支持用人单位与驻地街道、社区共同举办非营利性婴幼儿照护服务机构,为职工提供多种形式的福利性婴幼儿照护服务,有条件的可向附近居民开放。',
   '市总工会、市妇联', null),
  ('2.1.4', 4, '二、主要任务', '(一)增加婴幼儿照护服务的有效供给', '鼓励社会力量参与婴幼儿照护服务',
   '鼓励社会力量参与婴幼儿照护服务。各县(市、区)可采取提供场地、减免租金等政策措施,支持、引导社会力量单独或联合建立公立、福利性、公办民营、民办公助等多种形式的婴幼儿照护服务机构,为群众提供多层次、多样化婴幼儿照护服务;鼓励符合条件的社会组织等机构承接社区公益性婴幼儿照护服务。',
   '市发改委、市行政审批局、市财政局', null),
  ('2.1.5', 5, '二、主要任务', '(一)增加婴幼儿照护服务的有效供给', '努力满足群众多层次婴幼儿照护服务需求',
   '努力满足群众多层次婴幼儿照护服务需求。各类婴幼儿照护服务机构可根据家庭的不同需求,提供全日托、半日托、计时托、临时托等多样化的婴幼儿照护服务,有序供给符合经济社会发展和群众消费水平的多层次婴幼儿照护服务。',
   '市行政审批局、市教育局', null),
  ('2.2.1', 6, '二、主要任务', '(二)加强家庭婴幼儿照护的支持指导', '支持父母脱产照护婴幼儿',
   '支持父母脱产照护婴幼儿。全面落实产假、配偶陪护假等政策;鼓励用人单位采取灵活安排工作时间、提供哺乳条件等方式和措施落实哺乳假,或经本人申请,用人单位可给予3-6个月的哺乳假;落实就业扶持政策,为照护婴幼儿的父母提供信息服务、就业指导和职业技能培训,支持脱产照护婴幼儿的父母重返工作岗位。',
   '市人社局、市总工会、市妇联', null),
  ('2.2.2', 7, '二、主要任务', '(二)加强家庭婴幼儿照护的支持指导', '加强婴幼儿的早期发展指导',
   '加强婴幼儿的早期发展指导。通过亲子活动、入户指导、父母课堂、家庭课堂、“互联网+”等方式,为家长、婴幼儿照护者提供婴幼儿科学照护指导和相关知识培训,促进婴幼儿在身体发育、动作、语言、认知、情感与社会性等方面全面发展,提高家庭科学育儿能力。',
   '市妇联、市总工会、团市委、市计生协会', null),
  ('2.2.3', 8, '二、主要任务', '(二)加强家庭婴幼儿照护的支持指导', '切实做好基本公共卫生和妇幼健康服务',
   '切实做好基本公共卫生和妇幼健康服务。贯彻落实“保育为主、保教结合”方针,为婴幼儿家庭开展新生儿访视、儿童系统管理、生长发育监测、预防接种、疾病防控、喂养护理及常见病防治、意外伤害预防等服务,保障婴幼儿身心健康。',
   '市卫健委', null),
  ('2.3.1', 9, '二、主要任务', '(三)加大社区婴幼儿照护服务的支持力度', '科学规划布局',
   '科学规划布局。各县(市、区)要按照国家标准、规范,将需要独立占地的婴幼儿照护服务设施和场地建设布局纳入相关规划。按照国家《托育机构设置标准(试行)》等要求,新建居住小区应规划、建设与常住人口规模相适应的婴幼儿照护服务设施及配套安全设施,并与住宅同步建设、同步验收、同步交付使用;加强片区统筹,已建成居住小区无婴幼儿照护服务设施的,要纳入城市双修改革方案,在2022年底前通过购置、置换、租赁等方式,创建安全、适宜、符合标准的婴幼儿照护服务基础设施。',
   '市住建局、市自然资源局、市生态环境局', null),
  ('2.3.2', 10, '二、主要任务', '(三)加大社区婴幼儿照护服务的支持力度', '强化安全保障',
   '强化安全保障。婴幼儿照护服务机构建设、布局要充分考虑居住、就业、集中建成区域等因素,符合消防安全、疾病预防、环保等相关要求,并充分考虑进城务工人员需求。',
   '市住建局、市自然资源局、市生态环境局、市应急管理局', null),
  ('2.3.3', 11, '二、主要任务', '(三)加大社区婴幼儿照护服务的支持力度', '城乡协同发展',
   '城乡协同发展。各县(市、区)在农村社区综合服务设施建设中,要统筹考虑婴幼儿照护服务设施建设;加大对农村和贫困家庭婴幼儿照护服务的支持,逐步建立专职、兼职婴幼儿照护指导员,定期为区域内婴幼儿家庭提供入户指导服务。',
   '市民政局、市卫健委', null),
  ('2.4.1', 12, '二、主要任务', '(四)规范婴幼儿照护服务机构管理', '规范注册登记',
   '规范注册登记。举办非营利性婴幼儿照护服务机构,在服务机构所在地的县级机构编制部门或行政审批服务局注册、登记;举办营利性婴幼儿照护服务机构,在机构所在地的县级行政审批服务局注册、登记。注册登记机关核准登记后,应于7个工作日内及时将有关信息推送至同级卫生健康部门和业务主管部门。婴幼儿照护服务机构在核准登记后,应于10个工作日内及时到当地卫生健康部门备案。',
   '市行政审批局、市民政局、市教育局、市卫健委', null),
  ('2.4.2', 13, '二、主要任务', '(四)规范婴幼儿照护服务机构管理', '加强行业监管',
   '加强行业监管。各级政府职能部门按事权对婴幼儿照护服务机构负有监管责任,实施动态管理,建立健全业务指导、督促检查、考核奖惩、安全保障和责任追究制度。实行婴幼儿照护服务机构登记注册年检制度,定期进行执业校验和专项检查,对设施条件差、管理混乱、存在严重安全隐患等机构,责令限期整改,整改不合格的依法予以处罚;连续两年年审不合格者予以关闭、注销登记,并向社会公告。逐步实行工作人员职业资格准入制度,建立个人不良记录“黑名单”和行业终身禁入制度。',
   '市卫健委、市教育局、市民政局、市行政审批局、市市场监管局、市工信局、市公安局', null),
  ('2.4.3', 14, '二、主要任务', '(四)规范婴幼儿照护服务机构管理', '落实属地责任',
   '落实属地责任。按照属地管理和分工负责的原则,县(市、区)政府对婴幼儿照护服务的规范发展和安全监管负主要责任。相关部门按照事权开展综合监督,并对日常监管负主要责任,制定婴幼儿照护服务的规范细则,建立健全婴幼儿照护服务机构备案登记制度、信息公示制度和质量评估制度,确保各项政策措施、规章制度落实到位。对监管不力造成重大责任事故者,追究法律责任。',
   '市卫健委、市教育局、市行政审批局、市市场监管局、市民政局、市应急管理局、市公安局、市人社局', null),
  ('2.4.4', 15, '二、主要任务', '(四)规范婴幼儿照护服务机构管理', '加强内部管理',
   '加强内部管理。婴幼儿照护服务机构对婴幼儿安全和健康负主体责任,开展的照护服务须符合国家和地方相关标准、规范,并建立内部安全管理制度,配备相应的安全设施、器材及安保人员。运用互联网等信息化手段加强对婴幼儿照护服务机构的服务全过程监管,让广大家长放心满意。',
   '市公安局、市应急管理局、市卫健委', null),
  ('2.4.5', 16, '二、主要任务', '(四)规范婴幼儿照护服务机构管理', '强化健康管理',
   '强化健康管理。各级妇幼保健机构、疾病预防控制机构、卫生监督机构要加强对婴幼儿照护服务机构的卫生保健业务的指导、咨询服务和监督检查。',
   '市卫健委', null),
  ('2.4.6', 17, '二、主要任务', '(四)规范婴幼儿照护服务机构管理', '规范收费管理',
   '规范收费管理。非营利性托育机构收费标准执行政府定价,盈利性托育机构收费标准执行政府指导价。',
   '市发改委、市市场监管局', null),
  ('3.1', 18, '三、政策保障', null, '加强用地保障',
   '加强用地保障。市、县自然资源部门将婴幼儿照护服务机构和设施建设用地纳入国土空间规划和年度用地计划并优先予以保障。鼓励利用低效土地或闲置土地建设婴幼儿照护服务机构和设施。对符合《划拨用地目录》的非盈利性托育用地,可采取划拨方式予以保障。对不符合《划拨用地目录》的托育用地,以有偿使用方式予以保障,其有偿使用底价按教育、医卫、福利等用地评估价评估后确定。',
   '市自然资源局', null),
  ('3.2', 19, '三、政策保障', null, '加大扶持力度',
   '加大扶持力度。发展改革部门要将婴幼儿照护服务纳入当地经济社会发展相关规划。市、县财政要在每年预算中安排一定的婴幼儿照护服务扶持资金,可采取以奖代补等多种形式,对婴幼儿照护服务机构场地租赁、设施改造、设备购置、招聘人员等给予扶持。认真贯彻执行国家发展改革委、国家卫生健康委印发的《支持社会力量发展普惠托育服务专项行动实施方案(试行)》(发改社会〔2019〕1606号),对承担一定指导功能的示范性托育服务机构、社区托育服务设施,在中央预算内投资按每个新增托位给予1万元补助基础上,市、县(市、区)政府结合实际安排适当配套资金给予补助。',
   '市财政局、市发改委', null),
  ('3.3', 20, '三、政策保障', null, '加强队伍建设',
   '加强队伍建设。鼓励延安职业技术学院新增相关专业,培养涉及育婴、保育、保健及托幼管理等相关专业人才。引导、鼓励社会职业培训机构加强对托育从业人员的岗前培训、在职培训,不断提升在职人员的托育服务水平。将婴幼儿照护指导师、育婴师、保育员等与婴幼儿照护服务相关职业纳入职业技能等级认定试点范围,指导用人单位和有关社会组织开展职业技能等级评价。县(市、区)、街道(乡镇)、社区开办的非营利性婴幼儿照护服务机构可设立一定数量的公益性岗位,由县(市、区)、街道(乡镇)、社区统一管理。',
   '市人社局、市教育局、延安职业技术学院', '延安职业技术学院'),
  ('3.4', 21, '三、政策保障', null, '加强信息支撑',
   '加强信息支撑。充分利用互联网、大数据、物联网、人工智能等技术,结合婴幼儿照护服务实际,研发、应用婴幼儿照护服务信息管理系统,实现线上线下结合,在优化服务、加强管理、统计监测等方面发挥积极作用。',
   '市工信局、市民政局、市教育局、市市场监管局、市卫健委', null),
  ('3.5', 22, '三、政策保障', null, '落实优惠政策',
   '落实优惠政策。全面落实支持托育机构发展的优惠政策,符合条件的婴幼儿照护服务机构按照国家政策享受增值税、企业所得税等税收优惠政策,婴幼儿照护服务机构的水、电、气、暖等执行与学校、幼儿园相同的价格政策,进一步深化“放管服”改革。',
   '市财政局、市税务局、市发改委', null),
  ('3.6', 23, '三、政策保障', null, '加强社会支持',
   '加强社会支持。加快推进公共场所无障碍设施、母婴设施的建设和改造,开辟服务绿色通道,为婴幼儿出行、哺乳等提供便利条件,营造婴幼儿照护的友好社会环境。企业利用新技术、新工艺、新材料和新装备开发与婴幼儿照护相关的产品必须经过严格的安全评估和风险监测,切实保障安全。',
   '市住建局、市生态环境局、市市场监管局、市卫健委', null);

-- The department groups (cn.tuoyu.identity.Department) of each task, in the plan's order (the first leads).
create table plan_task_department (
  task_code  varchar(10) not null references plan_task (code),
  department varchar(30) not null,
  position   integer     not null,
  primary key (task_code, department)
);

insert into plan_task_department (task_code, department, position) values
  ('2.1.1', 'education', 1),
  ('2.1.1', 'natural-resources', 2),
  ('2.1.1', 'development-reform', 3),
  ('2.1.1', 'approval', 4),
  ('2.1.1', 'housing', 5),
  ('2.1.1', 'finance', 6),
  ('2.1.2', 'civil-affairs', 1),
  ('2.1.2', 'housing', 2),
  ('2.1.2', 'approval', 3),
  ('2.1.2', 'health', 4),
  ('2.1.3', 'trade-union', 1),
  ('2.1.3', 'women-federation', 2),
  ('2.1.4', 'development-reform', 1),
  ('2.1.4', 'approval', 2),
  ('2.1.4', 'finance', 3),
  ('2.1.5', 'approval', 1),
  ('2.1.5', 'education', 2),
  ('2.2.1', 'human-resources', 1),
  ('2.2.1', 'trade-union', 2),
  ('2.2.1', 'women-federation', 3),
  ('2.2.2', 'women-federation', 1),
  ('2.2.2', 'trade-union', 2),
  ('2.2.2', 'youth-league', 3),
  ('2.2.2', 'family-planning', 4),
  ('2.2.3', 'health', 1),
  ('2.3.1', 'housing', 1),
  ('2.3.1', 'natural-resources', 2),
  ('2.3.1', 'ecology', 3),
  ('2.3.2', 'housing', 1),
  ('2.3.2', 'natural-resources', 2),
  ('2.3.2', 'ecology', 3),
  ('2.3.2', 'emergency', 4),
  ('2.3.3', 'civil-affairs', 1),
  ('2.3.3', 'health', 2),
  ('2.4.1', 'approval', 1),
  ('2.4.1', 'civil-affairs', 2),
  ('2.4.1', 'education', 3),
  ('2.4.1', 'health', 4),
  ('2.4.2', 'health', 1),
  ('2.4.2', 'education', 2),
  ('2.4.2', 'civil-affairs', 3),
  ('2.4.2', 'approval', 4),
  ('2.4.2', 'market', 5),
  ('2.4.2', 'industry', 6),
  ('2.4.2', 'public-security', 7),
  ('2.4.3', 'health', 1),
  ('2.4.3', 'education', 2),
  ('2.4.3', 'approval', 3),
  ('2.4.3', 'market', 4),
  ('2.4.3', 'civil-affairs', 5),
  ('2.4.3', 'emergency', 6),
  ('2.4.3', 'public-security', 7),
  ('2.4.3', 'human-resources', 8),
  ('2.4.4', 'public-security', 1),
  ('2.4.4', 'emergency', 2),
  ('2.4.4', 'health', 3),
  ('2.4.5', 'health', 1),
  ('2.4.6', 'development-reform', 1),
  ('2.4.6', 'market', 2),
  ('3.1', 'natural-resources', 1),
  ('3.2', 'finance', 1),
  ('3.2', 'development-reform', 2),
  ('3.3', 'human-resources', 1),
  ('3.3', 'education', 2),
  ('3.4', 'industry', 1),
  ('3.4', 'civil-affairs', 2),
  ('3.4', 'education', 3),
  ('3.4', 'market', 4),
  ('3.4', 'health', 5),
  ('3.5', 'finance', 1),
  ('3.5', 'tax', 2),
  ('3.5', 'development-reform', 3),
  ('3.6', 'housing', 1),
  ('3.6', 'ecology', 2),
  ('3.6', 'market', 3),
  ('3.6', 'health', 4);

-- One row per meeting (联席会议), at the city level (610600) or in a county.
create table joint_meeting (
  id                   bigint generated by default as identity primary key,
  county_code          varchar(6)    not null references county (code),
  title                varchar(200)  not null,
  -- scheduled starts only: <county>-<date of the run>, so that two nodes firing the same schedule start one meeting
  scheduled_slot       varchar(40)   unique,
  status               varchar(20)   not null,             -- DRAFTING | REPORTING | MEETING | ACTIONS | CLOSED
  agenda               varchar(4000),
  planned_date         date,
  reports_requested_at timestamp with time zone,
  report_due_date      date,                               -- last day for the progress reports, Asia/Shanghai
  held_on              date,
  attendees            varchar(2000),
  minutes              varchar(8000),
  decisions            varchar(4000),
  recorded_by          varchar(64),
  recorded_at          timestamp with time zone,
  started_by           varchar(64)   not null,
  started_at           timestamp with time zone not null,
  closed_at            timestamp with time zone,
  items_on_time        integer,
  items_late           integer,
  items_not_done       integer
);
create index idx_joint_meeting_county on joint_meeting (county_code, started_at);

-- Member departments of a meeting and their progress report (工作进展通报).
create table meeting_member (
  meeting_id    bigint        not null references joint_meeting (id),
  department    varchar(30)   not null,
  report_status varchar(20)   not null,                    -- OPEN | SUBMITTED
  work_progress varchar(4000),
  problems      varchar(4000),
  next_steps    varchar(4000),
  submitted_by  varchar(64),
  submitted_at  timestamp with time zone,
  on_time       boolean,
  overdue       boolean       not null default false,       -- the due date passed while the report was open
  primary key (meeting_id, department)
);

-- 议定事项: what the meeting decided, with a deadline; optionally a task of the plan.
create table meeting_action_item (
  id             bigint generated by default as identity primary key,
  meeting_id     bigint        not null references joint_meeting (id),
  seq            integer       not null,
  plan_task_code varchar(10)   references plan_task (code),
  description    varchar(2000) not null,
  deadline       date          not null,                   -- as decided
  due_date       date          not null,                   -- the deadline, or the next working day if it is none
  status         varchar(20)   not null,                   -- OPEN | DONE | NOT_DONE
  completed_at   timestamp with time zone,                  -- latest accepted report of its departments
  outcome        varchar(20),                               -- ON_TIME | LATE | NOT_DONE, when it ends
  decided_by     varchar(64),
  decided_at     timestamp with time zone,
  decision_note  varchar(1000),
  overdue        boolean       not null default false,
  constraint uq_meeting_action_item unique (meeting_id, seq)
);

-- Each responsible department's part of an item and its completion report (with evidence).
create table meeting_action_assignment (
  item_id         bigint        not null references meeting_action_item (id),
  department      varchar(30)   not null,
  status          varchar(20)   not null,                  -- OPEN | REPORTED | RETURNED | ACCEPTED | CLOSED
  report          varchar(4000),
  evidence        varchar(2000),
  completed_on    date,
  reported_by     varchar(64),
  reported_at     timestamp with time zone,
  returns         integer       not null default 0,
  return_note     varchar(1000),
  primary key (item_id, department)
);

-- 催办 and 督办: every reminder a department got, for a progress report or an action item.
create table meeting_reminder (
  id          bigint generated by default as identity primary key,
  meeting_id  bigint       not null references joint_meeting (id),
  item_id     bigint       references meeting_action_item (id),
  department  varchar(30)  not null,
  kind        varchar(20)  not null,                       -- REPORT_DUE | REPORT_OVERDUE | ITEM_OVERDUE
  task_id     varchar(64),
  reminded_at timestamp with time zone not null
);
create index idx_meeting_reminder_meeting on meeting_reminder (meeting_id);
