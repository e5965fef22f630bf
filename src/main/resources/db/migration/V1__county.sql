-- Counties and districts (属地): each one is a Camunda tenant whose id is its administrative
-- division code (GB/T 2260), the same code that positions 3-8 of a unified social credit code carry.
create table county (
  code        varchar(6)   not null primary key,
  name        varchar(50)  not null,
  city_level  boolean      not null default false,
  sort_order  integer      not null
);

-- Yan'an (延安市), whose implementation plan the supervision rules follow. The city's own organs
-- (市本级) are a tenant too, so that city-level work is scoped like county work.
insert into county (code, name, city_level, sort_order) values
  ('610600', '延安市本级', true, 0),
  ('610602', '宝塔区', false, 1),
  ('610603', '安塞区', false, 2),
  ('610621', '延长县', false, 3),
  ('610622', '延川县', false, 4),
  ('610681', '子长市', false, 5),
  ('610625', '志丹县', false, 6),
  ('610626', '吴起县', false, 7),
  ('610627', '甘泉县', false, 8),
  ('610628', '富县', false, 9),
  ('610629', '洛川县', false, 10),
  ('610630', '宜川县', false, 11),
  ('610631', '黄龙县', false, 12),
  ('610632', '黄陵县', false, 13);
