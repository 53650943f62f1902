/** Texts of the oversight area's frame (navigation groups, home); each area keeps its own in its folder. */
export const oversightZh = {
  nav: '督办监督导航',
  groups: {
    supervisor: '督办',
    inspector: '纪检监察',
    admin: '系统管理',
  },
  home: {
    heading: '督办监督',
    intro: '请从左侧选择要查看或办理的工作。',
    none: '您的账号没有可用的督办监督页面。',
  },
}

export const oversightEn: typeof oversightZh = {
  nav: 'Oversight navigation',
  groups: {
    supervisor: 'Supervision',
    inspector: 'Discipline inspection',
    admin: 'Administration',
  },
  home: {
    heading: 'Oversight',
    intro: 'Choose a task on the left.',
    none: 'Your account has no oversight pages.',
  },
}
