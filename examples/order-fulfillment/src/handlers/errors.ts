// Errors the handlers throw. Lambda reports a thrown error's `name` as the Step Functions error
// name, so these names are what the workflow's Retry and Catch match.

/** Not enough units of some SKU to reserve the order. */
export class OutOfStock extends Error {
  override readonly name = "OutOfStock";
}

/** The inventory row changed under us (a concurrent reservation): safe to retry. */
export class ReservationConflict extends Error {
  override readonly name = "ReservationConflict";
}

/** The card issuer refused the charge: retrying will not help, compensate instead. */
export class PaymentDeclined extends Error {
  override readonly name = "PaymentDeclined";
}

/** The payment gateway timed out or answered 5xx: transient, retry with back-off. */
export class GatewayUnavailable extends Error {
  override readonly name = "GatewayUnavailable";
}

/** The carrier rejected the shipment (bad address, embargoed destination). */
export class ShipmentRejected extends Error {
  override readonly name = "ShipmentRejected";
}
