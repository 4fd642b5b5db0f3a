export { InvestorHome } from './components/investor-home';
