-- Issue 14, product pictures. A picture a merchant uploads is kept in the database, so every instance of the app
-- serves it without a shared disk. product.image_url then points at /products/{id}/picture?v=<digest>: the digest
-- changes with the picture, so the picture can be cached for a year. BYTEA is understood by PostgreSQL and H2.
create table product_picture (
    product_id   bigint                   not null primary key references product (id),
    content_type varchar(20)              not null,
    digest       varchar(64)              not null,
    bytes        bytea                    not null,
    uploaded_at  timestamp with time zone not null
);

-- Honey, chocolate and syrup showed the biscuit picture of their category: they get pictures of their own.
update product set image_url = '/img/products/honey.svg'
    where image_url = '/img/products/treats.svg' and sku like 'TRT-HONEY-%';
update product set image_url = '/img/products/chocolate.svg'
    where image_url = '/img/products/treats.svg' and sku like 'TRT-%CHOCOLATE%';
update product set image_url = '/img/products/syrup.svg'
    where image_url = '/img/products/treats.svg' and sku like 'TRT-%SYRUP%';
