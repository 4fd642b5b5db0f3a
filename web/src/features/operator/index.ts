export { OperatorHome } from './components/operator-home';
