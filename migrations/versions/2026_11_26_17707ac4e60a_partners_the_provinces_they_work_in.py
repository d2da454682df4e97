"""partners: the provinces they work in

Revision ID: 17707ac4e60a
Revises: 7301a10f0aa8
Create Date: 2026-11-26 00:50:04.516011

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '17707ac4e60a'
down_revision = '7301a10f0aa8'
branch_labels = None
depends_on = None


def upgrade():
    # Reviewed: existing partners work region-wide (an empty list) until an admin sets their provinces.
    with op.batch_alter_table('partners', schema=None) as batch_op:
        batch_op.add_column(sa.Column('provinces', sa.JSON(), nullable=False, server_default='[]'))



def downgrade():
    with op.batch_alter_table('partners', schema=None) as batch_op:
        batch_op.drop_column('provinces')

