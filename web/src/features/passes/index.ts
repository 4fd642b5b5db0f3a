export { PassesPage } from './components/passes-page';
