/** Ids of the theme colours package.json contributes; the decorations draw with these only. */
export const ThemeColors = {
  personBackground: 'crosswire.personBackground',
  placeBackground: 'crosswire.placeBackground',
  organizationBackground: 'crosswire.organisationBackground',
  personBorder: 'crosswire.personBorder',
  placeBorder: 'crosswire.placeBorder',
  organizationBorder: 'crosswire.organisationBorder',
  personOutline: 'crosswire.personOutline',
  placeOutline: 'crosswire.placeOutline',
  organizationOutline: 'crosswire.organisationOutline',
  statementOutline: 'crosswire.statementOutline',
  statementBackground: 'crosswire.statementBackground',
  statementBorder: 'crosswire.statementBorder',
  statementOverviewRuler: 'crosswire.statementOverviewRuler',
  termBorder: 'crosswire.termBorder',
  termOverviewRuler: 'crosswire.termOverviewRuler',
  speakerBorder: 'crosswire.speakerBorder',
} as const;
