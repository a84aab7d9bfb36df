// A minimal but real Word file for the upload journeys: the same builder the API's attachment
// tests use (a .docx is a zip whose [Content_Types].xml names the main part).
export { docx } from '../../apps/api/src/modules/jointItem/office.testkit.ts';
