/** Rankings (Xếp hạng): index models, a year's scores, publication, and the top/bottom for dashboards. */
import { Type } from '@fastify/type-provider-typebox';
import { NORMALISATIONS } from '../../domain/rankings.ts';
import { createIndexModel, deleteIndexModel, getIndexModel, indexScores, listIndexModels, publishRanking, rankingTop, unpublishRanking, updateIndexModel } from '../commands/rankings.ts';
import { localeFrom } from '../http/messages.ts';
import type { App, AppDeps } from '../http/types.ts';
import { Id, NonBlank, StringEnum, problems } from './schemas.ts';

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Normalisation = StringEnum(NORMALISATIONS, 'target: đạt so với mục tiêu (tối đa 1); minmax: (giá trị − nhỏ nhất)/(lớn nhất − nhỏ nhất) giữa các đơn vị được xếp hạng; thresholds: điểm theo ngưỡng');
const Direction = StringEnum(['higher', 'lower'] as const, 'higher: càng cao càng tốt; lower: càng thấp càng tốt');
const Params = Type.Object(
  {
    target: Type.Optional(Type.Number({ description: 'Giá trị mục tiêu (normalisation = target)' })),
    steps: Type.Optional(
      Type.Array(Type.Object({ from: Type.Number({ description: 'Từ giá trị' }), points: Type.Number({ description: 'Điểm đạt được' }) }, { additionalProperties: false }), {
        maxItems: 20,
        description: 'Các ngưỡng tăng dần (normalisation = thresholds): điểm của ngưỡng cao nhất mà giá trị đạt tới',
      }),
    ),
  },
  { additionalProperties: false },
);

const ModelBody = Type.Object(
  {
    name: NonBlank(300),
    description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    anchorUnitId: Id,
    unitKinds: Type.Optional(Nullable(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 10, description: 'Loại đơn vị được xếp hạng dưới đơn vị gốc (commune, ward, special_zone, department…)' }))),
    groupId: Type.Optional(Nullable(Id)),
    pillars: Type.Array(
      Type.Object(
        {
          name: NonBlank(200),
          weight: Type.Number({ description: 'Trọng số (> 0); điểm chỉ số = Σ trọng số × giá trị trụ cột / Σ trọng số' }),
          components: Type.Array(
            Type.Object(
              {
                indicatorId: Id,
                maxPoints: Type.Number({ description: 'Điểm tối đa (> 0)' }),
                normalisation: Normalisation,
                params: Type.Optional(Nullable(Params)),
                direction: Type.Optional(Nullable(Direction)),
              },
              { additionalProperties: false },
            ),
            { maxItems: 100 },
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);

const UnitRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });
const IndicatorRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), unit: Type.String() });
const IndexModel = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  anchorUnit: UnitRef,
  unitKinds: Nullable(Type.Array(Type.String())),
  group: Nullable(UnitRef),
  publishedYears: Type.Array(Type.Integer()),
  pillars: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      weight: Type.Number(),
      components: Type.Array(
        Type.Object({ id: Type.Integer(), indicator: IndicatorRef, maxPoints: Type.Number(), normalisation: Normalisation, params: Params, direction: Direction }),
      ),
    }),
  ),
  updatedAt: Type.String(),
});

const Change = Nullable(Type.Object({ score: Type.Number({ description: 'Điểm năm nay − năm trước' }), rank: Type.Integer({ description: 'Hạng năm trước − hạng năm nay (dương: tăng hạng)' }) }));
const Ranking = Type.Object({
  model: Type.Object({ id: Type.Integer(), name: Type.String() }),
  year: Type.Integer(),
  published: Type.Boolean({ description: 'true: kết quả đã công bố (ảnh chụp lúc công bố, không đổi theo số liệu); false: tính trực tiếp' }),
  publishedAt: Nullable(Type.String()),
  publishedBy: Nullable(Type.String()),
  computedAt: Type.String(),
  pillars: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), weight: Type.Number(), maxPoints: Type.Number() })),
  components: Type.Array(Type.Object({ id: Type.Integer(), pillarId: Type.Integer(), indicator: IndicatorRef, maxPoints: Type.Number(), normalisation: Normalisation, direction: Direction })),
  previousYear: Nullable(Type.Object({ year: Type.Integer(), published: Type.Boolean() })),
  average: Type.Object({ score: Type.Number(), pillars: Type.Array(Type.Object({ pillarId: Type.Integer(), value: Type.Number() })) }),
  rows: Type.Array(
    Type.Object({
      unitId: Type.Integer(),
      unitCode: Type.String(),
      unitName: Type.String(),
      rank: Type.Integer({ description: 'Hạng; các đơn vị bằng điểm (4 chữ số thập phân) cùng hạng: 15, 15, 17' }),
      score: Type.Number({ description: 'Giá trị chỉ số trong [0, 1], 4 chữ số thập phân' }),
      pillars: Type.Array(Type.Object({ pillarId: Type.Integer(), value: Type.Number(), points: Type.Number() })),
      components: Type.Array(
        Type.Object({ componentId: Type.Integer(), value: Nullable(Type.Number()), normalised: Type.Number(), points: Type.Number(), missing: Type.Boolean({ description: 'Không có số liệu: tính 0 điểm' }) }),
      ),
      missing: Type.Integer(),
      change: Change,
    }),
  ),
});
const TopRow = Type.Object({ unitId: Type.Integer(), unitName: Type.String(), rank: Type.Integer(), score: Type.Number(), change: Nullable(Type.Integer({ description: 'Số bậc tăng (dương) hoặc giảm so với năm trước' })) });

const IdParams = Type.Object({ id: Id });
const YearParams = Type.Object({ id: Id, year: Year });

export const rankingRoutes = (_deps: AppDeps) => async (app: App) => {
  const tags = ['rankings'];

  app.get(
    '/index-models',
    { config: { policy: 'data.read' }, schema: { tags, summary: 'Các bộ chỉ số xếp hạng có đơn vị gốc trong phạm vi người dùng', response: { 200: Type.Object({ items: Type.Array(IndexModel) }), ...problems(401, 403) } } },
    async (request) => listIndexModels(request.ctx),
  );

  app.get(
    '/index-models/:id',
    { config: { policy: 'data.read' }, schema: { tags, summary: 'Bộ chỉ số: trụ cột (trọng số), chỉ tiêu thành phần (điểm tối đa, cách chuẩn hóa)', params: IdParams, response: { 200: IndexModel, ...problems(401, 403, 404) } } },
    async (request) => getIndexModel(request.ctx, request.params.id),
  );

  app.post(
    '/index-models',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags,
        summary: 'Tạo bộ chỉ số xếp hạng (theo cấu trúc DTI: trụ cột có trọng số, chỉ tiêu thành phần có điểm tối đa)',
        description: 'Xếp hạng các đơn vị mở thuộc loại unitKinds dưới anchorUnitId, hoặc các thành viên của nhóm groupId dưới anchorUnitId (chỉ một trong hai). Cần quyền plan.write tại đơn vị gốc.',
        body: ModelBody,
        response: { 201: IndexModel, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await createIndexModel(request.ctx, request.body, localeFrom(request.headers['accept-language']))),
  );

  app.put(
    '/index-models/:id',
    { config: { policy: 'plan.write' }, schema: { tags, summary: 'Thay toàn bộ định nghĩa bộ chỉ số; kết quả đã công bố giữ nguyên', params: IdParams, body: ModelBody, response: { 200: IndexModel, ...problems(400, 401, 403, 404) } } },
    async (request) => updateIndexModel(request.ctx, request.params.id, request.body, localeFrom(request.headers['accept-language'])),
  );

  app.delete(
    '/index-models/:id',
    { config: { policy: 'plan.write' }, schema: { tags, summary: 'Xóa bộ chỉ số cùng các kết quả đã công bố', params: IdParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } } },
    async (request, reply) => {
      await deleteIndexModel(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/index-models/:id/scores',
    {
      config: { policy: 'data.read' },
      schema: {
        tags,
        summary: 'Điểm và thứ hạng của các đơn vị trong một năm: tổng, từng trụ cột, thay đổi so với năm trước',
        description: 'Năm đã công bố trả về ảnh chụp lúc công bố (published: true); năm chưa công bố được tính trực tiếp từ số liệu tổng hợp năm. Thiếu số liệu: 0 điểm, được đánh dấu missing.',
        params: IdParams,
        querystring: Type.Object({ year: Year }, { additionalProperties: false }),
        response: { 200: Ranking, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => indexScores(request.ctx, request.params.id, request.query.year),
  );

  app.post(
    '/index-models/:id/publications/:year',
    { config: { policy: 'plan.write' }, schema: { tags, summary: 'Công bố kết quả xếp hạng của năm (lưu ảnh chụp điểm và hạng)', params: YearParams, response: { 201: Ranking, ...problems(401, 403, 404, 409) } } },
    async (request, reply) => reply.status(201).send(await publishRanking(request.ctx, request.params.id, request.params.year)),
  );

  app.delete(
    '/index-models/:id/publications/:year',
    { config: { policy: 'plan.write' }, schema: { tags, summary: 'Hủy công bố: năm được tính trực tiếp trở lại', params: YearParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } } },
    async (request, reply) => {
      await unpublishRanking(request.ctx, request.params.id, request.params.year);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/rankings/top',
    {
      config: { policy: 'data.read' },
      schema: {
        tags,
        summary: 'Đứng đầu và cuối bảng xếp hạng của bộ chỉ số đầu tiên xếp hạng các đơn vị dưới unitId (cho bảng điều hành)',
        description: 'model: null khi không có bộ chỉ số nào. top và bottom theo thứ tự hạng; bottom gồm tối đa limit đơn vị cuối bảng không nằm trong top. change: số bậc tăng (dương) so với năm trước.',
        querystring: Type.Object({ year: Year, unitId: Id, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ model: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })), year: Type.Integer(), published: Type.Boolean(), top: Type.Array(TopRow), bottom: Type.Array(TopRow) }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => rankingTop(request.ctx, request.query),
  );
};
