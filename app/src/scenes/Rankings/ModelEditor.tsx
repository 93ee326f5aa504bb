import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicatorList } from '../../api/indicators';
import { rankingsApi, useRankingMutation, type ComponentParams, type IndexModel, type IndexModelInput, type Normalisation, type RankDirection } from '../../api/rankings';
import { ApiError } from '../../api/client';
import { useCurrentUser } from '../../auth/useAuth';
import { errorMessage } from '../../lib/errors';
import { useIsMobile } from '../../lib/useIsMobile';

interface FormComponent {
  indicatorId?: number;
  maxPoints?: number | null;
  normalisation: Normalisation;
  target?: number | null;
  steps?: { from?: number | null; points?: number | null }[];
  direction?: RankDirection;
}
interface FormValues {
  name: string;
  description?: string;
  unitKinds?: string[];
  pillars: { name: string; weight?: number | null; components: FormComponent[] }[];
}

const UNIT_KINDS = ['commune', 'ward', 'special_zone', 'department', 'district'] as const;

function toForm(model: IndexModel | undefined): FormValues {
  if (!model) return { name: '', unitKinds: ['commune', 'ward', 'special_zone'], pillars: [{ name: '', weight: 1, components: [{ normalisation: 'minmax', maxPoints: 100, direction: 'higher' }] }] };
  return {
    name: model.name,
    description: model.description ?? undefined,
    unitKinds: model.unitKinds ?? undefined,
    pillars: model.pillars.map((p) => ({
      name: p.name,
      weight: p.weight,
      components: p.components.map((c) => ({
        indicatorId: c.indicator.id,
        maxPoints: c.maxPoints,
        normalisation: c.normalisation,
        target: c.params.target ?? null,
        steps: c.params.steps ?? [],
        direction: c.direction,
      })),
    })),
  };
}

const num = (x: number | null | undefined) => (typeof x === 'number' ? x : Number.NaN);

/** The model editor: pillars with weights, components with indicator, maximum points and normalisation. The server checks everything. */
export function ModelEditor({ model, onClose, onSaved }: { model: IndexModel | undefined; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const user = useCurrentUser();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const indicators = useIndicatorList({ limit: 500 });
  const save = useRankingMutation((body: IndexModelInput) => (model ? rankingsApi.update(model.id, body) : rankingsApi.create(body)));
  // A new model is anchored where the user manages plans (the city for a coordinator).
  const anchorUnitId = model?.anchorUnit.id ?? user.memberships.find((m) => m.role === 'coordinator' || m.role === 'admin')?.orgUnitId ?? 0;

  const submit = (values: FormValues) => {
    setError(null);
    const body: IndexModelInput = {
      name: values.name,
      description: values.description || null,
      anchorUnitId,
      unitKinds: model?.group ? null : (values.unitKinds ?? null),
      groupId: model?.group?.id ?? null,
      pillars: (values.pillars ?? []).map((p) => ({
        name: p.name ?? '',
        weight: num(p.weight),
        components: (p.components ?? []).map((c) => {
          const params: ComponentParams =
            c.normalisation === 'target' ? { target: num(c.target) } : c.normalisation === 'thresholds' ? { steps: (c.steps ?? []).map((s) => ({ from: num(s.from), points: num(s.points) })) } : {};
          return { indicatorId: c.indicatorId ?? 0, maxPoints: num(c.maxPoints), normalisation: c.normalisation, params, direction: c.direction ?? null };
        }),
      })),
    };
    // NaN is not JSON: an empty number goes as null, which the server refuses with its own words.
    const json = JSON.parse(JSON.stringify(body, (_k, v) => (typeof v === 'number' && Number.isNaN(v) ? null : v))) as IndexModelInput;
    save.mutate(json, {
      onSuccess: (saved) => {
        onSaved(saved.id);
        onClose();
      },
      onError: setError,
    });
  };

  const indicatorOptions = (indicators.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }));

  return (
    <Drawer
      open
      onClose={onClose}
      width={isMobile ? '100%' : 760}
      title={model ? t('rankings.editor.editTitle') : t('rankings.editor.newTitle')}
      destroyOnHidden
      data-testid="model-editor"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="model-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          className="model-form-error"
          data-testid="model-form-error"
          message={errorMessage(error, t)}
          description={error instanceof ApiError && error.errors.length > 1 ? <ul>{error.errors.map((e) => <li key={e.path}>{e.message}</li>)}</ul> : undefined}
        />
      ) : null}
      <Form<FormValues> form={form} layout="vertical" initialValues={toForm(model)} onFinish={submit} data-testid="model-form">
        <Form.Item name="name" label={t('rankings.editor.name')}>
          <Input data-testid="model-name" />
        </Form.Item>
        <Form.Item name="description" label={t('rankings.editor.description')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        {model?.group ? (
          <Form.Item label={t('rankings.editor.group')}>{model.group.name}</Form.Item>
        ) : (
          <Form.Item name="unitKinds" label={t('rankings.editor.unitKinds')}>
            <Select mode="multiple" options={UNIT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
          </Form.Item>
        )}
        <Form.List name="pillars">
          {(pillars, { add, remove }) => (
            <>
              {pillars.map((pillar, i) => (
                <Card
                  key={pillar.key}
                  size="small"
                  className="model-pillar"
                  data-testid="model-pillar"
                  title={t('rankings.editor.pillar', { n: i + 1 })}
                  extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(pillar.name)} aria-label={t('common.remove')} />}
                >
                  <div className="model-row">
                    <Form.Item name={[pillar.name, 'name']} label={t('rankings.editor.pillarName')} className="model-grow">
                      <Input data-testid="model-pillar-name" />
                    </Form.Item>
                    <Form.Item name={[pillar.name, 'weight']} label={t('rankings.weight')}>
                      <InputNumber step={0.05} data-testid="model-pillar-weight" className="model-number" />
                    </Form.Item>
                  </div>
                  <Form.List name={[pillar.name, 'components']}>
                    {(components, ops) => (
                      <>
                        {components.map((c) => (
                          <div key={c.key} className="model-component" data-testid="model-component">
                            <div className="model-row">
                              <Form.Item name={[c.name, 'indicatorId']} label={t('rankings.editor.indicator')} className="model-grow">
                                <Select showSearch optionFilterProp="label" options={indicatorOptions} loading={indicators.isLoading} data-testid="model-component-indicator" />
                              </Form.Item>
                              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => ops.remove(c.name)} aria-label={t('common.remove')} className="model-remove" />
                            </div>
                            <div className="model-row">
                              <Form.Item name={[c.name, 'maxPoints']} label={t('rankings.editor.maxPoints')}>
                                <InputNumber className="model-number" data-testid="model-component-max" />
                              </Form.Item>
                              <Form.Item name={[c.name, 'normalisation']} label={t('rankings.editor.normalisation')}>
                                <Select className="model-select" options={(['target', 'minmax', 'thresholds'] as const).map((n) => ({ value: n, label: t(`rankings.normalisation.${n}`) }))} data-testid="model-component-normalisation" />
                              </Form.Item>
                              <Form.Item name={[c.name, 'direction']} label={t('rankings.editor.direction')}>
                                <Select className="model-select" options={(['higher', 'lower'] as const).map((d) => ({ value: d, label: t(`rankings.direction.${d}`) }))} />
                              </Form.Item>
                            </div>
                            <Form.Item noStyle shouldUpdate>
                              {() => {
                                const n = form.getFieldValue(['pillars', pillar.name, 'components', c.name, 'normalisation']) as Normalisation;
                                if (n === 'target')
                                  return (
                                    <Form.Item name={[c.name, 'target']} label={t('rankings.editor.target')}>
                                      <InputNumber className="model-number" data-testid="model-component-target" />
                                    </Form.Item>
                                  );
                                if (n === 'thresholds')
                                  return (
                                    <Form.List name={[c.name, 'steps']}>
                                      {(steps, sops) => (
                                        <div className="model-steps" data-testid="model-component-steps">
                                          {steps.map((s) => (
                                            <Space key={s.key} wrap align="baseline">
                                              <Form.Item name={[s.name, 'from']} label={t('rankings.editor.stepFrom')}>
                                                <InputNumber className="model-number" />
                                              </Form.Item>
                                              <Form.Item name={[s.name, 'points']} label={t('rankings.editor.stepPoints')}>
                                                <InputNumber className="model-number" />
                                              </Form.Item>
                                              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => sops.remove(s.name)} aria-label={t('common.remove')} />
                                            </Space>
                                          ))}
                                          <Button size="small" icon={<PlusOutlined />} onClick={() => sops.add({})}>
                                            {t('rankings.editor.addStep')}
                                          </Button>
                                        </div>
                                      )}
                                    </Form.List>
                                  );
                                return null;
                              }}
                            </Form.Item>
                          </div>
                        ))}
                        <Button size="small" icon={<PlusOutlined />} onClick={() => ops.add({ normalisation: 'minmax', maxPoints: 100, direction: 'higher' })} data-testid="model-add-component">
                          {t('rankings.editor.addComponent')}
                        </Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', weight: 0.1, components: [] })} data-testid="model-add-pillar">
                {t('rankings.editor.addPillar')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
