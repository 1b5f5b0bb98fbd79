export enum Events {
  SIGNED_UP = "Signed Up",
  PRODUCT_VIEWED = "Product Viewd",
}

export const ORDER_COMPLETED = "Order Completed";

const Names = { joined: "Newsletter Joined" } as const;
export default Names;
