export { OperatorSettingsPage } from './components/operator-settings-page';
