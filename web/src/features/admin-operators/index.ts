export { OperatorApplicationsPage } from './components/applications-page';
