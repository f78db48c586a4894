// Public surface of the citizen version: model, builder and renderers (HTML, .docx, ReportDoc for the Google Doc export).
export * from './citizen-doc';
export { buildCitizen, citizenParagraphs, activityState, promiseState, periodPhrase, quotable, sayDate } from './build-citizen';
export { sayNumber, digits, THOUSANDS_SPACE } from './numbers';
export { findContacts, contactParts, type ContactPart } from './contact';
export { renderCitizenHtml, CITIZEN_COLOURS, CITIZEN_STATE_COLOUR, CITIZEN_COLOUR_PAIRS } from './render-html';
export { renderCitizenDocx, DOCX_LANGUAGE } from './render-docx';
export { citizenAsReportDoc } from './as-report-doc';
export { CITIZEN_STATE_LABEL, type CitizenState } from '../i18n/sv-citizen';
