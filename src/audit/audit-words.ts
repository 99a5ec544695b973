// What the audit says about a resource besides its verdict, in each language, and the status words
// the API's status codes stand for (the words the page shows, so the catalog's status rules match).
import type { Lang } from '../i18n/languages';
import type { EvidenceField } from '../rules/types';

/** The BSS status codes as the Unsubscriptions page words them. */
export const statusWords: Record<Lang, Record<number, string>> = {
  en: { 2: 'In use', 3: 'Closed', 4: 'Frozen', 5: 'Expired' },
  zh: { 2: '使用中', 3: '已关闭', 4: '已冻结', 5: '已过期' },
};

export const billingModeWords: Record<Lang, string> = { en: 'Yearly/Monthly', zh: '包年/包月' };

export interface AuditWords {
  /** The names of the facts a reason was found in. */
  fact: Record<EvidenceField, string>;
  /** Between a fact's name and its text. */
  factSeparator: string;
  closed: string;
  /** The line above a customer's resources. */
  customer: (customer: string, resources: number) => string;
  /** A resource by name and ID. */
  named: (name: string, id: string) => string;
  boundTo: (main: string) => string;
  boundMissing: (mainId: string) => string;
  bound: (count: number) => string;
  fiveDay: (until: string) => string;
}

export const auditWords: Record<Lang, AuditWords> = {
  en: {
    fact: { productType: 'product', status: 'status', billingMode: 'billing mode', tags: 'tag', reasonText: 'reason', actionDisabled: 'action' },
    factSeparator: ': ',
    closed: 'closed: the Unsubscriptions page does not show it',
    named: (name, id) => `${name} (${id})`,
    customer: (customer, resources) => `${customer}: ${resources} resource${resources === 1 ? '' : 's'}`,
    boundTo: (main) => `bound to ${main}: unsubscribed together with its main resource`,
    boundMissing: (mainId) => `bound to ${mainId}, which is not in these files`,
    bound: (count) => `${count} bound resource${count === 1 ? ' is' : 's are'} unsubscribed with it`,
    fiveDay: (until) =>
      `five-day no-reason unsubscription may apply until ${until} (China site: 10 instances per account per calendar year, not for promotions marked 不支持五天无理由退订)`,
  },
  zh: {
    fact: { productType: '产品类型', status: '状态', billingMode: '计费模式', tags: '标签', reasonText: '原因', actionDisabled: '操作' },
    factSeparator: '：',
    closed: '已关闭：退订管理页面不显示此资源',
    named: (name, id) => `${name}（${id}）`,
    customer: (customer, resources) => `${customer}：${resources} 个资源`,
    boundTo: (main) => `从属于 ${main}：与主资源一起退订`,
    boundMissing: (mainId) => `从属于 ${mainId}，但这些文件中没有该主资源`,
    bound: (count) => `${count} 个从资源随它一起退订`,
    fiveDay: (until) => `${until} 前可能适用五天无理由退订（每个账号每个自然年 10 个实例；标注“不支持五天无理由退订”的促销除外）`,
  },
};
