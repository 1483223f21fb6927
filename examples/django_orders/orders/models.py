"""The shop's tables: customers, products, orders and their lines."""
from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=50)
    email = models.EmailField()


class Product(models.Model):
    sku = models.CharField(max_length=20)
    price = models.IntegerField()


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="orders")
    products = models.ManyToManyField(Product)
    paid = models.BooleanField(default=False)


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    quantity = models.IntegerField()


ALL_MODELS = [Customer, Product, Order, OrderLine]
