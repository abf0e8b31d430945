// Chinese first, English switchable. Every word the console shows is here; values and codes from the APIs are
// translated through the enum tables below (unknown ones are shown as they come).

const STORE = 'beian.console.lang';

const zh = {
  brand: 'Beian 审核台', skip: '跳到正文', loading: '加载中…', cancel: '取消', signIn: '登录', signOut: '退出',
  'nav.queue': '审核队列', 'nav.authority': '管局提交', 'nav.label': '主导航',
  'shortcuts.on': '快捷键', 'lang.switch': 'English',
  'welcome.title': '工作人员审核台', 'welcome.text': '审核员、管局专员和管理员在此处理备案审核。请使用单位账号登录。',
  'welcome.notStaff': '此账号没有审核台的权限（需要审核员、管局专员或管理员角色）。',
  'session.expired': '登录已过期，请重新登录。', 'session.renewFailed': '无法自动续期登录：{msg}',
  me: '我', other: '其他人员',
  // queue
  'queue.title': '审核队列', 'queue.kind': '审核类型', 'queue.province': '省份', 'queue.status': '状态',
  'queue.overdueOnly': '只看超时', 'queue.mineOnly': '只看我领取的', 'queue.all': '全部',
  'queue.open': '待审（含组装中）', 'queue.claimNext': '领取下一件', 'queue.refresh': '刷新',
  'queue.count': '共 {n} 件（显示 {shown} 件），更新于 {at}', 'queue.empty': '队列中没有符合条件的案件。',
  'queue.nothingToClaim': '没有可领取的案件。', 'queue.caption': '审核案件，按提交时间先后排列',
  'col.kind': '类型', 'col.type': '备案类型', 'col.province': '省份', 'col.order': '订单', 'col.submission': '提交',
  'col.opened': '提交时间', 'col.due': '时限', 'col.status': '状态', 'col.actions': '操作',
  'row.open': '查看', 'row.claim': '领取', 'row.submissionCount': '第 {n} 次',
  'claim.free': '可领取', 'claim.mine': '我已领取（至 {until}）', 'claim.other': '他人已领取（{who}，至 {until}）',
  'claim.assembling': '组装中，缺：{missing}', 'claimed.toast': '已领取案件。',
  'sla.left': '剩余 {d}', 'sla.over': '已超时 {d}', 'sla.due': '到期 {at}',
  'missing.WEBSITES': '网站', 'missing.MATERIALS': '材料', 'missing.SUBJECT': '主体',
  'more': '加载更多',
  // case
  'case.title': '{kind} · {type} · {province}', 'case.back': '返回队列', 'case.meta': '案件信息',
  'case.version': '版本', 'case.order': '订单', 'case.submission': '提交次数', 'case.opened': '提交时间',
  'case.due': '审核时限', 'case.claim': '领取状态', 'case.status': '案件状态', 'case.decided': '决定',
  'case.decidedBy': '{decision}，{who}，{at}',
  'case.masked': '个人信息已脱敏：只有领取此案件的审核员能看到完整信息和材料（每次查看都会记入审计记录）。',
  'case.full': '您持有此案件的领取，个人信息完整显示；此次查看已记入审计记录。',
  'case.changed': '此案件在您打开后已被更改（第 {seen} 版 → 第 {now} 版）。', 'case.reload': '重新加载',
  'case.reloaded': '已重新加载案件（第 {v} 版）。',
  'case.overview': '概况', 'case.subject': '主体', 'case.websites': '网站', 'case.website': '网站 {n}',
  'case.materials': '材料', 'case.compare': '照片核对：幕布照片与证件照片',
  'case.compare.none': '此案件中没有幕布照片。', 'case.compare.for': '负责人：{who}',
  'case.noImage': '无图像', 'case.imageError': '图像无法加载：{msg}',
  'case.findings': '自动检查结果', 'case.noFindings': '没有检查发现。', 'case.history': '订单历史',
  'case.trail': '审计记录', 'case.rejections': '历次驳回', 'case.noRejections': '此订单没有被驳回过。',
  'case.notes': '内部备注（申请人不可见）', 'case.noNotes': '暂无备注。', 'case.addNote': '添加备注',
  'case.noteLabel': '备注内容', 'case.earlier': '此前的审核决定', 'case.noEarlier': '此订单此前没有审核决定。',
  'case.fieldHint': '领取案件后，点击任一字段即可为驳回添加一条针对该字段的理由。',
  'case.pinned': '已添加驳回理由', 'case.pinField': '为“{field}”添加驳回理由',
  'case.viewImage': '查看大图：{name}',
  'case.checklist': '审核核对清单（本省要求）', 'case.noChecklist': '此订单没有需要人工核对的项目。',
  'check.unanswered': '尚未核对', 'check.tick': '符合', 'check.fail': '不符合', 'check.tickItem': '{id} 符合',
  'check.failItem': '{id} 不符合', 'check.reason': '不符合的理由（必填）', 'check.failConfirm': '记录为不符合',
  'check.cancel': '取消', 'check.reasonNeeded': '请填写不符合的理由。',
  'queue.fourEyes': '待复核（{who} 申请通过）', 'queue.fourEyesMine': '待他人复核（我申请通过）',
  'case.secondApproval': '四眼复核', 'second.waiting': '{who} 已于 {at} 申请通过，等待另一位审核员确认或驳回',
  'second.needed': '此案件有阻断性检查结果或不符合的核对项（{why}）：您的通过须由另一位审核员确认。',
  'decide.confirmApproveFourEyes': '此案件须四眼复核：您的通过将等待另一位审核员确认。确认申请通过？',
  'decide.approvalRequested': '已申请通过，案件已释放，等待另一位审核员确认。',
  'decide.confirmSecond': '作为第二位审核员确认 {who} 的通过申请？确认后案件即通过。',
  'err.SECOND_REVIEWER_REQUIRED': '通过申请是您提出的，须由另一位审核员确认（四眼原则）。您可以释放案件，或驳回。',
  'err.APPROVAL_REQUESTED': '此案件的通过申请正在等待第二位审核员确认，核对清单在此期间不能更改。',
  'err.CHECKLIST_INCOMPLETE': '通过前须核对清单中的每一项。尚未核对：{items}',
  // decide
  'decide.title': '审核决定', 'decide.claim': '领取此案件', 'decide.renew': '续领', 'decide.release': '释放',
  'decide.approve': '通过', 'decide.reject': '驳回', 'decide.reasons': '驳回理由（{n}）',
  'decide.noReasons': '点击左侧的字段来添加驳回理由。', 'decide.field': '字段', 'decide.code': '理由',
  'decide.suggestion': '修改建议（申请人可见）', 'decide.remove': '删除此理由',
  'decide.confirmApprove': '确认通过此案件？', 'decide.confirmReject': '确认以 {n} 条理由驳回此案件？',
  'decide.approved': '已通过。', 'decide.rejected': '已驳回，申请人将看到驳回理由。', 'decide.released': '已释放案件。',
  'decide.notMine': '需要先领取此案件才能作出决定。', 'decide.closed': '此案件已结束，不能再作决定。',
  'decide.leaseLeft': '领取剩余 {d}',
  // conflicts (409 code member)
  'err.STALE_VERSION': '您看到的是第 {seen} 版，但在此期间案件已被更改（现为第 {current} 版），例如被续领或被他人处理。您的决定没有提交。案件已重新加载，请核对后再决定。',
  'err.CLAIMED_BY_ANOTHER': '此案件已被其他审核员领取。',
  'err.NOT_CLAIMED': '您没有领取此案件（可能已被释放或被他人领取）。请重新领取后再操作。',
  'err.LEASE_EXPIRED': '您的领取已过期。请重新领取后再操作。',
  'err.CASE_ASSEMBLING': '案件资料尚未到齐，暂不能领取。',
  'err.CASE_CLOSED': '此案件已结束（已决定或已取消）。',
  'err.validation': '提交的内容有误：', 'err.forbidden': '您没有执行此操作的权限。',
  'err.notFound': '找不到此资源。', 'err.network': '无法连接服务：{msg}', 'err.generic': '操作失败（{status}）：{msg}',
  // authority
  'auth.title': '管局提交', 'auth.waitingOnly': '只看等待管局结果的', 'auth.orderId': '按订单号筛选',
  'auth.caption': '提交到管局的备案及其状态', 'auth.empty': '没有符合条件的提交。',
  'col.submissionId': '提交编号', 'col.sms': '短信核验', 'col.attempts': '发送次数', 'col.created': '创建',
  'col.submitted': '已提交', 'col.decidedAt': '结果时间', 'col.lastError': '最近错误',
  'auth.record': '手工记录结果', 'auth.recordFor': '记录管局结果：{id}', 'auth.outcome': '结果',
  'auth.subjectNumber': '主体备案号', 'auth.websites': '网站备案号', 'auth.websiteName': '网站名称',
  'auth.domains': '域名（以逗号分隔）', 'auth.websiteNumber': '网站备案号', 'auth.addWebsite': '添加网站',
  'auth.reasons': '理由', 'auth.reasonCode': '理由代码', 'auth.reasonMessage': '说明', 'auth.reasonField': '字段（可选）',
  'auth.addReason': '添加理由', 'auth.submit': '记录结果', 'auth.recorded': '已记录管局结果。', 'auth.remove': '删除',
  'auth.readOnly': '只有管局专员可以手工记录结果。',
  // shortcuts
  'keys.title': '快捷键', 'keys.n': '领取下一件', 'keys.r': '刷新', 'keys.c': '领取/续领', 'keys.a': '通过',
  'keys.x': '驳回', 'keys.l': '释放', 'keys.q': '返回队列',
  'viewer.in': '放大 (+)', 'viewer.out': '缩小 (-)', 'viewer.fit': '适合窗口 (0)', 'viewer.close': '关闭 (Esc)',
};

const en = {
  brand: 'Beian review console', skip: 'Skip to content', loading: 'Loading…', cancel: 'Cancel', signIn: 'Sign in',
  signOut: 'Sign out', 'nav.queue': 'Review queue', 'nav.authority': 'Authority submissions', 'nav.label': 'Main',
  'shortcuts.on': 'Shortcuts', 'lang.switch': '中文',
  'welcome.title': 'Staff console', 'welcome.text': 'Reviewers, authority staff and admins work filing reviews here. Sign in with your staff account.',
  'welcome.notStaff': 'This account may not use the console (it needs the reviewer, authority or admin role).',
  'session.expired': 'Your session expired; please sign in again.', 'session.renewFailed': 'Could not renew your session: {msg}',
  me: 'me', other: 'someone else',
  'queue.title': 'Review queue', 'queue.kind': 'Review kind', 'queue.province': 'Province', 'queue.status': 'Status',
  'queue.overdueOnly': 'Overdue only', 'queue.mineOnly': 'Claimed by me only', 'queue.all': 'All',
  'queue.open': 'To review (incl. assembling)', 'queue.claimNext': 'Claim next case', 'queue.refresh': 'Refresh',
  'queue.count': '{n} cases ({shown} shown), updated {at}', 'queue.empty': 'No case matches.',
  'queue.nothingToClaim': 'Nothing to claim.', 'queue.caption': 'Review cases, oldest submission first',
  'col.kind': 'Kind', 'col.type': 'Filing type', 'col.province': 'Province', 'col.order': 'Order',
  'col.submission': 'Submission', 'col.opened': 'Submitted', 'col.due': 'SLA', 'col.status': 'Status',
  'col.actions': 'Actions', 'row.open': 'Open', 'row.claim': 'Claim', 'row.submissionCount': '#{n}',
  'claim.free': 'Claimable', 'claim.mine': 'Claimed by me (until {until})',
  'claim.other': 'Claimed by another reviewer ({who}, until {until})', 'claim.assembling': 'Assembling, missing: {missing}',
  'claimed.toast': 'Case claimed.', 'sla.left': '{d} left', 'sla.over': 'Overdue by {d}', 'sla.due': 'due {at}',
  'missing.WEBSITES': 'websites', 'missing.MATERIALS': 'materials', 'missing.SUBJECT': 'subject', more: 'Load more',
  'case.title': '{kind} · {type} · {province}', 'case.back': 'Back to the queue', 'case.meta': 'Case',
  'case.version': 'Version', 'case.order': 'Order', 'case.submission': 'Submission', 'case.opened': 'Submitted',
  'case.due': 'SLA', 'case.claim': 'Claim', 'case.status': 'Status', 'case.decided': 'Decision',
  'case.decidedBy': '{decision} by {who}, {at}',
  'case.masked': 'Personal data is masked: only the reviewer holding this case\'s claim sees it in full, with the materials (each such view is audited).',
  'case.full': 'You hold this case\'s claim: personal data is shown in full; this view is in the audit trail.',
  'case.changed': 'This case changed since you opened it (version {seen} → {now}).', 'case.reload': 'Reload',
  'case.reloaded': 'Case reloaded (version {v}).',
  'case.overview': 'Overview', 'case.subject': 'Subject', 'case.websites': 'Websites', 'case.website': 'Website {n}',
  'case.materials': 'Materials', 'case.compare': 'Photo check: curtain photo next to the ID photo',
  'case.compare.none': 'This case has no curtain photo.', 'case.compare.for': 'Principal: {who}',
  'case.noImage': 'No image', 'case.imageError': 'The image could not be loaded: {msg}',
  'case.findings': 'Automatic checks', 'case.noFindings': 'No findings.', 'case.history': 'Order history',
  'case.trail': 'Audit trail', 'case.rejections': 'Earlier rejections', 'case.noRejections': 'This order was never rejected.',
  'case.notes': 'Internal notes (never shown to the applicant)', 'case.noNotes': 'No notes yet.', 'case.addNote': 'Add note',
  'case.noteLabel': 'Note', 'case.earlier': 'Earlier review decisions', 'case.noEarlier': 'No earlier decision on this order.',
  'case.fieldHint': 'Once you hold the claim, click any field to add a rejection reason pinned to it.',
  'case.pinned': 'Reason added', 'case.pinField': 'Add a rejection reason for “{field}”', 'case.viewImage': 'View full size: {name}',
  'decide.title': 'Decision', 'decide.claim': 'Claim this case', 'decide.renew': 'Renew claim', 'decide.release': 'Release',
  'decide.approve': 'Approve', 'decide.reject': 'Reject', 'decide.reasons': 'Rejection reasons ({n})',
  'decide.noReasons': 'Click a field on the left to add a rejection reason.', 'decide.field': 'Field', 'decide.code': 'Reason',
  'decide.suggestion': 'Suggestion (the applicant sees it)', 'decide.remove': 'Remove this reason',
  'decide.confirmApprove': 'Approve this case?', 'decide.confirmReject': 'Reject this case with {n} reason(s)?',
  'decide.approved': 'Approved.', 'decide.rejected': 'Rejected; the applicant will see the reasons.', 'decide.released': 'Case released.',
  'decide.notMine': 'Claim the case before deciding.', 'decide.closed': 'This case is closed; no further decision.',
  'decide.leaseLeft': 'claim: {d} left',
  'case.checklist': 'Reviewer checklist (province rules)', 'case.noChecklist': 'Nothing on this order needs a human check.',
  'check.unanswered': 'Not checked yet', 'check.tick': 'Holds', 'check.fail': 'Fails', 'check.tickItem': '{id} holds',
  'check.failItem': '{id} fails', 'check.reason': 'Why it fails (required)', 'check.failConfirm': 'Record as failed',
  'check.cancel': 'Cancel', 'check.reasonNeeded': 'Say why the item fails.',
  'queue.fourEyes': 'Second approval needed ({who} approved)', 'queue.fourEyesMine': 'Awaiting another reviewer (I approved)',
  'case.secondApproval': 'Four-eyes', 'second.waiting': '{who} asked to approve at {at}; another reviewer must confirm or reject',
  'second.needed': 'This case has a blocking finding or a failed item ({why}): your approval must be confirmed by another reviewer.',
  'decide.confirmApproveFourEyes': 'This case needs four eyes: your approval will wait for another reviewer. Request approval?',
  'decide.approvalRequested': 'Approval requested; the case is released and waits for another reviewer.',
  'decide.confirmSecond': 'Confirm, as the second reviewer, the approval {who} requested? The case is then approved.',
  'err.SECOND_REVIEWER_REQUIRED': 'You requested this approval; another reviewer must confirm it (four-eyes). Release the case, or reject it.',
  'err.APPROVAL_REQUESTED': 'An approval of this case waits for a second reviewer; its checklist cannot change meanwhile.',
  'err.CHECKLIST_INCOMPLETE': 'Answer every checklist item before approving. Not answered: {items}',
  'err.STALE_VERSION': 'You were looking at version {seen}, but the case changed meanwhile (now version {current}) — renewed or handled by someone else. Your decision was not sent. The case has been reloaded: check it and decide again.',
  'err.CLAIMED_BY_ANOTHER': 'Another reviewer holds this case.',
  'err.NOT_CLAIMED': 'You do not hold this case (released or claimed by someone else). Claim it again first.',
  'err.LEASE_EXPIRED': 'Your claim ran out. Claim the case again first.',
  'err.CASE_ASSEMBLING': 'The case is still waiting for its documents and cannot be claimed yet.',
  'err.CASE_CLOSED': 'This case is closed (decided or cancelled).',
  'err.validation': 'Please correct:', 'err.forbidden': 'You may not do this.', 'err.notFound': 'Not found.',
  'err.network': 'Cannot reach the service: {msg}', 'err.generic': 'Failed ({status}): {msg}',
  'auth.title': 'Authority submissions', 'auth.waitingOnly': 'Waiting on the administration only', 'auth.orderId': 'Filter by order id',
  'auth.caption': 'Filings submitted to the administration and where each stands', 'auth.empty': 'No submission matches.',
  'col.submissionId': 'Submission', 'col.sms': 'SMS check', 'col.attempts': 'Attempts', 'col.created': 'Created',
  'col.submitted': 'Submitted', 'col.decidedAt': 'Outcome at', 'col.lastError': 'Last error',
  'auth.record': 'Record outcome', 'auth.recordFor': 'Record the administration\'s outcome: {id}', 'auth.outcome': 'Outcome',
  'auth.subjectNumber': 'Subject filing number', 'auth.websites': 'Website numbers', 'auth.websiteName': 'Website name',
  'auth.domains': 'Domains (comma-separated)', 'auth.websiteNumber': 'Website filing number', 'auth.addWebsite': 'Add website',
  'auth.reasons': 'Reasons', 'auth.reasonCode': 'Reason code', 'auth.reasonMessage': 'Message', 'auth.reasonField': 'Field (optional)',
  'auth.addReason': 'Add reason', 'auth.submit': 'Record outcome', 'auth.recorded': 'Outcome recorded.', 'auth.remove': 'Remove',
  'auth.readOnly': 'Only authority staff record outcomes by hand.',
  'keys.title': 'Shortcuts', 'keys.n': 'claim next', 'keys.r': 'refresh', 'keys.c': 'claim / renew', 'keys.a': 'approve',
  'keys.x': 'reject', 'keys.l': 'release', 'keys.q': 'back to queue',
  'viewer.in': 'Zoom in (+)', 'viewer.out': 'Zoom out (-)', 'viewer.fit': 'Fit (0)', 'viewer.close': 'Close (Esc)',
};

const enums = {
  zh: {
    kind: { INITIAL: '首审', PHOTO: '拍照复审', RE_REVIEW: '重审' },
    status: { ASSEMBLING: '组装中', OPEN: '待审', APPROVED: '已通过', REJECTED: '已驳回', CANCELLED: '已取消' },
    type: {
      FIRST_FILING: '首次备案', NEW_WEBSITE: '新增网站', NEW_WEBSITE_SUBJECT_ELSEWHERE: '新增网站（主体在他处）',
      ACCESS_FILING: '接入备案', CHANGE: '变更备案', CANCEL_ACCESS: '取消接入', DEREGISTER_WEBSITE: '注销网站',
      DEREGISTER_SUBJECT: '注销主体',
    },
    province: {
      BEIJING: '北京', TIANJIN: '天津', HEBEI: '河北', SHANXI: '山西', INNER_MONGOLIA: '内蒙古', LIAONING: '辽宁',
      JILIN: '吉林', HEILONGJIANG: '黑龙江', SHANGHAI: '上海', JIANGSU: '江苏', ZHEJIANG: '浙江', ANHUI: '安徽',
      FUJIAN: '福建', JIANGXI: '江西', SHANDONG: '山东', HENAN: '河南', HUBEI: '湖北', HUNAN: '湖南', GUANGDONG: '广东',
      GUANGXI: '广西', HAINAN: '海南', CHONGQING: '重庆', SICHUAN: '四川', GUIZHOU: '贵州', YUNNAN: '云南', TIBET: '西藏',
      SHAANXI: '陕西', GANSU: '甘肃', QINGHAI: '青海', NINGXIA: '宁夏', XINJIANG: '新疆',
    },
    nature: {
      PERSON: '个人', ENTERPRISE: '企业', GOVERNMENT: '政府机关', PUBLIC_INSTITUTION: '事业单位', SOCIAL_ORGANIZATION: '社会团体',
      MILITARY: '军队', PRIVATE_NON_ENTERPRISE: '民办非企业单位', INDIVIDUAL_BUSINESS: '个体工商户', FOUNDATION: '基金会',
      LAW_FIRM: '律师事务所',
    },
    certificateType: {
      RESIDENT_ID: '居民身份证', PASSPORT: '护照', HK_MACAO_PERMIT: '港澳居民来往内地通行证', TAIWAN_PERMIT: '台湾居民来往大陆通行证',
      FOREIGNER_PERMANENT_RESIDENCE: '外国人永久居留身份证', BUSINESS_LICENSE: '营业执照', ORGANIZATION_CODE: '组织机构代码证',
      PUBLIC_INSTITUTION_CERTIFICATE: '事业单位法人证书', SOCIAL_ORGANIZATION_CERTIFICATE: '社会团体法人登记证书',
      PRIVATE_NON_ENTERPRISE_CERTIFICATE: '民办非企业单位登记证书', MILITARY_CODE: '军队代号',
    },
    material: {
      UNIT_CERTIFICATE: '单位证件', ID_FRONT: '证件正面', ID_BACK: '证件反面', ID_BOTH_SIDES: '证件正反面',
      VERIFICATION_FORM: '网站备案信息真实性核验单', CURTAIN_PHOTO: '幕布照片', AUTHORIZATION_LETTER: '授权书',
      DOMAIN_CERTIFICATE: '域名证书', RESIDENCE_PERMIT: '居住证明', PRE_APPROVAL: '前置审批文件', EMPLOYMENT_PROOF: '在职证明',
      COMMITMENT_LETTER: '承诺书', OTHER: '其他材料',
    },
    reason: {
      SUBJECT_INFO_INCOMPLETE: '主体信息不完整', SUBJECT_INFO_WRONG: '主体信息有误', CERTIFICATE_INVALID: '证件无效',
      PRINCIPAL_INFO_WRONG: '负责人信息有误', ADDRESS_NOT_DETAILED: '地址不详细', WEBSITE_INFO_INCOMPLETE: '网站信息不完整',
      WEBSITE_NAME_NOT_COMPLIANT: '网站名称不合规', WEBSITE_REACHABLE_DURING_FILING: '备案期间网站可访问',
      DOMAIN_NOT_VERIFIED: '域名未实名或不一致', PRE_APPROVAL_MISSING: '缺少前置审批', VERIFICATION_FORM_MISSING: '缺少核验单',
      VERIFICATION_FORM_WRONG: '核验单有误', MATERIAL_MISSING: '缺少材料', MATERIAL_UNCLEAR: '材料不清晰',
      PHOTO_BACKGROUND_WRONG: '幕布背景不符', PHOTO_PERSON_MISMATCH: '照片人物不一致', PHOTO_UNCLEAR: '照片不清晰', OTHER: '其他',
    },
    submissionStatus: { PENDING: '待发送', SUBMITTED: '已提交，等待管局', REFUSED: '管局拒收', APPROVED: '管局通过', REJECTED: '管局驳回', RETURNED: '管局退回' },
    sms: { REQUESTED: '已发送验证码', VERIFIED: '已核验', FAILED: '核验失败' },
    outcome: { APPROVED: '通过', REJECTED: '驳回', RETURNED: '退回' },
    serviceContent: { COMPREHENSIVE_PORTAL: '综合门户', UNIT_PORTAL: '单位门户网站', OTHER: '其他' },
    decision: { APPROVED: '通过', REJECTED: '驳回', CANCELLED: '取消' },
    action: {
      CREATED: '创建', OPENED: '开放审核', CLAIMED: '领取', RELEASED: '释放', LEASE_LAPSED: '领取过期', APPROVED: '通过',
      REJECTED: '驳回', NOTED: '添加备注', CANCELLED: '取消', PERSONAL_DATA_READ: '查看完整个人信息',
      RECORDED_BY_HAND: '手工记录管局结果', SUBMITTED: '提交管局', CHECKLIST_TICKED: '核对项符合',
      CHECKLIST_FAILED: '核对项不符合', APPROVAL_REQUESTED: '申请通过（待复核）', APPROVAL_CONFIRMED: '复核确认通过',
    },
    check: { TICKED: '符合', FAILED: '不符合' },
    severity: { BLOCKING: '阻断', WARNING: '提示' },
  },
  en: {
    kind: { INITIAL: 'Initial review', PHOTO: 'Photo review', RE_REVIEW: 'Re-review' },
    status: { ASSEMBLING: 'Assembling', OPEN: 'Open', APPROVED: 'Approved', REJECTED: 'Rejected', CANCELLED: 'Cancelled' },
    type: {
      FIRST_FILING: 'First filing', NEW_WEBSITE: 'New website', NEW_WEBSITE_SUBJECT_ELSEWHERE: 'New website (subject elsewhere)',
      ACCESS_FILING: 'Access filing', CHANGE: 'Change', CANCEL_ACCESS: 'Cancel access', DEREGISTER_WEBSITE: 'Deregister website',
      DEREGISTER_SUBJECT: 'Deregister subject',
    },
    province: {},
    nature: {}, certificateType: {},
    material: {
      UNIT_CERTIFICATE: 'Unit certificate', ID_FRONT: 'ID front', ID_BACK: 'ID back', ID_BOTH_SIDES: 'ID, both sides',
      VERIFICATION_FORM: 'Verification form', CURTAIN_PHOTO: 'Curtain photo', AUTHORIZATION_LETTER: 'Authorization letter',
      DOMAIN_CERTIFICATE: 'Domain certificate', RESIDENCE_PERMIT: 'Residence permit', PRE_APPROVAL: 'Pre-approval',
      EMPLOYMENT_PROOF: 'Employment proof', COMMITMENT_LETTER: 'Commitment letter', OTHER: 'Other material',
    },
    reason: {},
    submissionStatus: { PENDING: 'Pending', SUBMITTED: 'Submitted, waiting', REFUSED: 'Refused', APPROVED: 'Approved', REJECTED: 'Rejected', RETURNED: 'Returned' },
    sms: { REQUESTED: 'Code sent', VERIFIED: 'Verified', FAILED: 'Failed' },
    outcome: { APPROVED: 'Approved', REJECTED: 'Rejected', RETURNED: 'Returned' },
    serviceContent: { COMPREHENSIVE_PORTAL: 'Comprehensive portal', UNIT_PORTAL: 'Organisation portal', OTHER: 'Other' },
    decision: { APPROVED: 'Approved', REJECTED: 'Rejected', CANCELLED: 'Cancelled' },
    action: {},
    check: { TICKED: 'Holds', FAILED: 'Fails' },
    severity: { BLOCKING: 'Blocking', WARNING: 'Warning' },
  },
};

// Labels of the snapshot's fields, by the last key of their path.
const fields = {
  zh: {
    type: '备案类型', province: '省份', subject: '主体', nature: '主体性质', name: '名称', certificateType: '证件类型',
    certificateNumber: '证件号码', certificateAddress: '证件地址', communicationAddress: '通讯地址', city: '城市',
    district: '区县', investor: '投资人或主管单位', remarks: '备注', principal: '负责人', mobile: '手机号码',
    officePhone: '办公电话', email: '电子邮件', emergencyContact: '应急联系人', websites: '网站', domains: '域名',
    homepageUrls: '首页地址', serviceContent: '服务内容', preApprovals: '前置审批', languages: '网站语言',
    principalSameAsSubject: '负责人同主体负责人', serverIds: '服务器', servers: '服务器', materials: '材料', kind: '材料类型',
    ownerRef: '所属', materialId: '材料编号', contentType: '文件类型', sizeBytes: '大小（字节）', sha256: 'SHA-256',
    version: '版本', curtainPhoto: '幕布照片', id: '编号', websiteId: '网站编号', filingNumber: '备案号',
    subjectFilingNumber: '主体备案号', websiteFilingNumber: '网站备案号', uploadedAt: '上传时间', width: '宽', height: '高',
  },
  en: {},
};

let lang = localStorage.getItem(STORE) === 'en' ? 'en' : 'zh-CN';

export function language() { return lang; }

export function setLanguage(next) {
  lang = next === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem(STORE, lang);
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}

function humanize(key) {
  return String(key).replace(/_/g, ' ').toLowerCase().replace(/^./, c => c.toUpperCase());
}

export function t(key, params = {}) {
  const table = lang === 'en' ? en : zh;
  const text = table[key] ?? zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, p) => (params[p] ?? ''));
}

/** An enum value in words: {@code e('kind', 'PHOTO')}. */
export function e(table, value) {
  if (value === undefined || value === null) return '';
  const local = enums[lang === 'en' ? 'en' : 'zh'][table] || {};
  if (local[value]) return local[value];
  if (lang === 'en') return humanize(value);
  return value;
}

/** The label of a snapshot field (its last key); index-only paths get their position. */
export function fieldLabel(key) {
  if (lang === 'en') return humanize(key.replace(/([a-z])([A-Z])/g, '$1 $2'));
  return fields.zh[key] || key;
}

/** A field key of the snapshot in words: websites[0].name → 网站 1 · 名称. */
export function pathLabel(path) {
  const parts = [];
  const re = /([A-Za-z]+)(?:\[(\d+)\])?/g;
  let m;
  while ((m = re.exec(path)) !== null) {
    const [, key, index] = m;
    if (index !== undefined) {
      parts.push(`${fieldLabel(key)} ${Number(index) + 1}`);
    } else {
      parts.push(fieldLabel(key));
    }
  }
  return parts.join(' · ');
}

/** Applies t() to every element with data-i18n (static parts of index.html). */
export function translateStatic(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
}

setLanguage(lang);
