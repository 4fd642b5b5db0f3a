export { DriverHome } from './components/driver-home';
