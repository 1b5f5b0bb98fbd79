module.exports = { CART_VIEWED: "Cart Viewed" };
