/** Ids of the theme colours package.json contributes; the decorations draw with these only. */
export const ThemeColors = {
  personBackground: 'crosswire.personBackground',
  placeBackground: 'crosswire.placeBackground',
  organizationBackground: 'crosswire.organizationBackground',
  personBorder: 'crosswire.personBorder',
  placeBorder: 'crosswire.placeBorder',
  organizationBorder: 'crosswire.organizationBorder',
  personOutline: 'crosswire.personOutline',
  placeOutline: 'crosswire.placeOutline',
  organizationOutline: 'crosswire.organizationOutline',
  statementOutline: 'crosswire.statementOutline',
  statementBackground: 'crosswire.statementBackground',
  statementBorder: 'crosswire.statementBorder',
  statementOverviewRuler: 'crosswire.statementOverviewRuler',
  termBorder: 'crosswire.termBorder',
  termOverviewRuler: 'crosswire.termOverviewRuler',
  speakerBorder: 'crosswire.speakerBorder',
} as const;
