export * from "./ensure-customer-portal"
export * from "./events"
