"""associations: opt-in directory listing and topics

Revision ID: 694cc582d8cc
Revises: 02e609ebf01a
Create Date: 2026-11-25 22:34:45.809730

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '694cc582d8cc'
down_revision = '02e609ebf01a'
branch_labels = None
depends_on = None


def upgrade():
    # Reviewed: existing associations stay out of the directory (opt-in) with no topics.
    with op.batch_alter_table('associations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('listed', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('topics', sa.JSON(), nullable=False, server_default='[]'))



def downgrade():
    # Reviewed: existing associations stay out of the directory (opt-in) with no topics.
    with op.batch_alter_table('associations', schema=None) as batch_op:
        batch_op.drop_column('topics')
        batch_op.drop_column('listed')

