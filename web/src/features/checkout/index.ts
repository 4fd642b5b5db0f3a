export { CheckoutPage, PaymentPage, ExtensionPaymentPage } from './components/checkout-page';
