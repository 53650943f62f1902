/** Texts of the workbench's frame (navigation groups); each area keeps its own in its folder. */
export const workbenchZh = {
  nav: '工作台导航',
  groups: {
    handler: '承办办理',
    operator: '热线话务',
    clerk: '信件登记',
    dispatcher: '派单协调',
  },
  acting: {
    label: '代为办理单位',
    none: '全部单位（仅查看）',
    hint: '您正以该单位承办人的身份签收、答复和协办；办理记录注明“代办”。仅用于尚未开通账号的单位。',
    noneHint: '未选择单位时，可查看全部单位的待办，不能办理。',
  },
  home: {
    heading: '工作台',
    intro: '请从左侧选择要办理的工作。',
    none: '您的账号没有可用的工作台页面。',
  },
}

export const workbenchEn: typeof workbenchZh = {
  nav: 'Workbench navigation',
  groups: {
    handler: 'Case handling',
    operator: 'Hotline',
    clerk: 'Letters',
    dispatcher: 'Dispatch',
  },
  acting: {
    label: 'Acting for unit',
    none: 'All units (view only)',
    hint: "You sign for, reply and co-handle as this unit's handler; the trail records that you acted for it. Only for units without an account yet.",
    noneHint: "Without a unit you see every unit's queue but cannot act.",
  },
  home: {
    heading: 'Workbench',
    intro: 'Choose a task on the left.',
    none: 'Your account has no workbench pages.',
  },
}
