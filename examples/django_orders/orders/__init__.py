"""A small Django app: customers, products, orders and the services the views call."""
