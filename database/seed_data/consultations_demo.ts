import { DateTime } from 'luxon'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import Consultation from '#complaints/models/consultation'
import FaqCategory from '#complaints/models/faq_category'
import PollOpinion from '#complaints/models/poll_opinion'
import ConsultationService from '#complaints/services/consultation_service'
import FaqService from '#complaints/services/faq_service'
import PollService from '#complaints/services/poll_service'
import { todayInShanghai } from '#core/dates'

/**
 * FAQ categories and entries, a few consultations (one answered and turned into an FAQ entry,
 * one past its 48 hours, one fresh) and two polls (one open, one closed with its response).
 * Does nothing when FAQ categories exist.
 */
export async function seedConsultationsDemo() {
  if (await FaqCategory.query().first()) return
  const operator = await User.findByOrFail('email', 'operator@parkgate.local')
  const staff = await User.findByOrFail('email', 'staff@parkgate.local')
  const tenantAdmin = await User.findByOrFail('email', 'tenant-a@parkgate.local')
  const tenantB = await User.findByOrFail('email', 'tenant-b@parkgate.local')
  const tenant = await Tenant.findOrFail(tenantAdmin.tenantId)

  const faq = new FaqService()
  const [parking, money, customs] = [
    await faq.createCategory(
      { name: '停车与出行', nameEn: 'Parking and transport', sortOrder: 1 },
      operator
    ),
    await faq.createCategory(
      { name: '租金与缴费', nameEn: 'Rent and payments', sortOrder: 2 },
      operator
    ),
    await faq.createCategory(
      { name: '通关与物流', nameEn: 'Customs and logistics', sortOrder: 3 },
      operator
    ),
  ]
  const entries: Array<[FaqCategory, string, string, number]> = [
    [parking, '停车月卡怎么办理？', '携带行驶证和企业入驻证明到综合服务大厅办理，当日生效。', 42],
    [parking, '访客车辆如何进入园区？', '请在企业门户提前登记访客车牌，访客可免费停车两小时。', 18],
    [
      money,
      '租金发票什么时候开具？',
      '每月 5 日前开具上月租金的增值税专用发票，可邮寄或到财务窗口领取。',
      27,
    ],
    [money, '押金什么时候退还？', '合同到期、场地验收合格后 15 个工作日内原路退还。', 9],
    [customs, '跨境包裹在哪里申报？', '园区监管仓一楼设有申报窗口，工作日 9:00–17:30 办理。', 14],
    [customs, '保税仓储如何收费？', '按托盘和天数计费，具体标准见园区公示栏或咨询通关物流部。', 0],
  ]
  for (const [category, question, answer, views] of entries) {
    const entry = await faq.createEntry(
      { categoryId: category.id, question, answer, isPublished: true },
      operator
    )
    if (views) {
      entry.viewCount = views
      await entry.save()
    }
  }

  const consultations = new ConsultationService()
  const answered = await consultations.ask(
    {
      channel: 'portal',
      subject: '仓库能否延长夜间作业时间',
      question: '旺季期间我们希望仓库作业延长到晚上 22:00，需要办理什么手续？',
      tenantId: tenant.id,
      askedBy: tenantAdmin.id,
      askerName: tenantAdmin.fullName,
      askerEmail: tenantAdmin.email,
    },
    tenantAdmin
  )
  await consultations.answer(
    answered.id,
    '请在作业前 3 个工作日通过门户提交夜间作业申请，安全保障部审核后开通，22:00 后需安排专人值守。',
    staff
  )
  await consultations.toFaq(
    answered.id,
    {
      categoryId: customs.id,
      question: '仓库能否延长夜间作业时间？',
      answer:
        '可以。请在作业前 3 个工作日通过门户提交夜间作业申请，审核后开通，22:00 后需安排专人值守。',
      isPublished: true,
    },
    staff
  )

  // A public question asked 50 hours ago and still unanswered: overdue.
  const overdue = await consultations.ask(
    {
      channel: 'web',
      subject: '园区是否还有小面积办公室出租',
      question: '我们是三人的跨境电商团队，想了解园区 50 平方米左右办公室的租金和空置情况。',
      askerName: '王女士',
      askerPhone: '13800138000',
    },
    null
  )
  const askedAt = DateTime.utc().minus({ hours: 50 })
  await Consultation.query()
    .where('id', overdue.id)
    .update({
      asked_at: askedAt.toFormat('yyyy-MM-dd HH:mm:ss'),
      due_at: ConsultationService.dueAt(askedAt).toFormat('yyyy-MM-dd HH:mm:ss'),
    })

  await consultations.ask(
    {
      channel: 'portal',
      subject: '会议室可以开发票吗',
      question: '预约园区会议室产生的费用能否单独开具发票？',
      tenantId: tenantB.tenantId,
      askedBy: tenantB.id,
      askerName: tenantB.fullName,
    },
    tenantB
  )

  const polls = new PollService()
  const today = todayInShanghai()
  const open = await polls.create(
    {
      title: '园区通勤班车线路意见征集',
      description: '园区拟开通地铁站至园区的通勤班车，请各企业就线路、班次和发车时间提出意见。',
      opensOn: today.minus({ days: 3 }).toJSDate(),
      closesOn: today.plus({ days: 11 }).toJSDate(),
      responseDueOn: today.plus({ days: 25 }).toJSDate(),
    },
    operator
  )
  await polls.giveOpinion(
    open.id,
    '建议早上 8:00–9:30 每 15 分钟一班，晚上加开 20:00 班次。',
    tenantAdmin
  )

  const closed = await polls.create(
    {
      title: '食堂营业时间调整',
      description: '拟将园区食堂晚餐时间延长至 20:30，征集各企业意见。',
      opensOn: today.minus({ days: 40 }).toJSDate(),
      closesOn: today.minus({ days: 26 }).toJSDate(),
      responseDueOn: today.minus({ days: 12 }).toJSDate(),
    },
    operator
  )
  for (const [user, content] of [
    [tenantAdmin, '支持延长，旺季加班员工较多。'],
    [tenantB, '希望同时增加夜宵档口。'],
  ] as const) {
    await PollOpinion.create({
      pollId: closed.id,
      tenantId: user.tenantId!,
      userId: user.id,
      content,
    })
  }
  await polls.respond(
    closed.id,
    '共收到 2 条意见，均支持延长。自下月起食堂晚餐延长至 20:30，并在 19:30 后开放夜宵档口。',
    operator
  )
}
