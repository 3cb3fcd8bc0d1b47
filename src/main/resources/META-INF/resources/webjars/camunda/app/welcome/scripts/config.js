// Welcome page of the Camunda webapps: points PMO users to the portfolio page of the application.
export default {
  app: {
    name: 'Service Lifecycle',
    vendor: 'PMO'
  },
  links: [
    {
      label: 'PMO portfolio',
      href: '/portfolio/',
      description: 'Services by phase and stage, SLA health, reviews, open and overdue approvals, where lifecycles wait'
    }
  ]
};
